-- A content table kept in sync with an FTS5 index: the virtual table and its shadow tables
-- are not migratable and are left out of the schema; the content table and its triggers stay.
CREATE TABLE articles (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body  TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content='articles', content_rowid='id');

CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TABLE articles_fts_notes (id INTEGER PRIMARY KEY, note TEXT);

INSERT INTO articles (title, body) VALUES ('SQLite', 'Small. Fast. Reliable.');
