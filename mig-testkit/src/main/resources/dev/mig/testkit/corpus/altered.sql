-- A schema that grew through ALTER TABLE: SQLite rewrites the stored CREATE statements.
CREATE TABLE notes (id INTEGER PRIMARY KEY, txt TEXT);
ALTER TABLE notes ADD COLUMN created_at TEXT;
ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));
ALTER TABLE notes RENAME COLUMN txt TO body;

CREATE TABLE folders_old (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
ALTER TABLE folders_old RENAME TO folders;
ALTER TABLE notes ADD COLUMN folder_id INTEGER REFERENCES folders (id);

CREATE TABLE scratch (a, b, c);
ALTER TABLE scratch DROP COLUMN b;

CREATE INDEX notes_pinned ON notes (pinned, created_at);
CREATE VIEW pinned_notes AS SELECT id, body FROM notes WHERE pinned;

INSERT INTO folders (name) VALUES ('inbox');
INSERT INTO notes (body, folder_id) VALUES ('first', 1);
