-- Grammar corners that real schemas contain: constraint order, conflict clauses, odd types and names.
CREATE TABLE parent (id INTEGER PRIMARY KEY, "a.b" TEXT UNIQUE);

CREATE TABLE child (
    id     INTEGER PRIMARY KEY ON CONFLICT REPLACE AUTOINCREMENT,
    p      REFERENCES parent ON DELETE CASCADE NOT NULL,
    q      TEXT CONSTRAINT q_nn NOT NULL CONSTRAINT q_default DEFAULT 'x' COLLATE "NOCASE",
    r      INTEGER NOT NULL ON CONFLICT IGNORE DEFAULT 1,
    stamp  TIMESTAMP WITH TIME ZONE,
    amount DECIMAL(+10, -2) DEFAULT (1.5 * 2),
    joined TEXT DEFAULT ('a' || 'b'),
    self   INTEGER UNIQUE REFERENCES child,
    "rowid" TEXT,
    CONSTRAINT child_q CHECK (q <> '') ON CONFLICT FAIL
);

CREATE TABLE pairs (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    CONSTRAINT pairs_pk PRIMARY KEY (a, b) ON CONFLICT IGNORE
    CONSTRAINT pairs_order CHECK (a < b)
);

CREATE VIEW constants (n) AS VALUES (1), (2), (3);

CREATE TRIGGER child_touch AFTER UPDATE OF "a.b", id ON parent
WHEN NEW."a.b" IS NOT OLD."a.b"
BEGIN
    UPDATE child SET q = NEW."a.b" WHERE p = NEW.id;
END;

CREATE TABLE copied AS SELECT 1 AS one, 'two' AS "second col", NULL AS nothing_here;

INSERT INTO parent VALUES (1, 'x');
INSERT INTO child (p, q) VALUES (1, 'y');
