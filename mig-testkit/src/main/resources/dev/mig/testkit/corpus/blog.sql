-- A small blog: authors, posts, comments, tags.
PRAGMA user_version = 7;

CREATE TABLE users (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    email       TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT   NOT NULL DEFAULT 'anonymous',
    created_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    is_admin    INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1))
);

CREATE TABLE posts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    slug         TEXT    NOT NULL UNIQUE,
    title        TEXT    NOT NULL,
    body         TEXT,
    status       TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    published_at TEXT,
    updated_at   TEXT
);

CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES posts ON DELETE CASCADE,
    parent_id  INTEGER REFERENCES comments(id) ON DELETE SET NULL,
    author_id  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    body       TEXT NOT NULL CHECK (length(body) > 0),
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE tags (name TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TABLE post_tags (
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL REFERENCES tags(name) ON UPDATE CASCADE,
    PRIMARY KEY (post_id, tag)
) WITHOUT ROWID;

CREATE INDEX posts_by_author ON posts (author_id, published_at DESC);
CREATE INDEX posts_published ON posts (published_at) WHERE status = 'published';
CREATE INDEX comments_by_post ON comments (post_id, created_at);

CREATE VIEW published_posts AS
    SELECT p.id, p.slug, p.title, u.display_name AS author
    FROM posts p JOIN users u ON u.id = p.author_id
    WHERE p.status = 'published';

CREATE TRIGGER posts_touch AFTER UPDATE OF title, body ON posts
BEGIN
    UPDATE posts SET updated_at = datetime('now') WHERE id = NEW.id;
END;

INSERT INTO users (email, display_name) VALUES ('ann@example.com', 'Ann'), ('bob@example.com', 'Bob');
INSERT INTO posts (author_id, slug, title, status) VALUES (1, 'hello', 'Hello', 'published'), (2, 'draft', 'WIP', 'draft');
INSERT INTO tags VALUES ('sqlite'), ('java');
INSERT INTO post_tags VALUES (1, 'sqlite');
INSERT INTO comments (post_id, author_id, body) VALUES (1, 2, 'Nice!');
