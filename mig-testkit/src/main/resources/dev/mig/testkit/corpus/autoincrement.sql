-- AUTOINCREMENT tables whose sqlite_sequence is ahead of MAX(id) because rows were deleted.
CREATE TABLE tickets (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    subject TEXT NOT NULL
);

CREATE TABLE invoices (
    number INTEGER NOT NULL,
    total  INTEGER NOT NULL,
    PRIMARY KEY (number AUTOINCREMENT)
);

CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL DEFAULT 0);

INSERT INTO tickets (subject) VALUES ('a'), ('b'), ('c'), ('d');
DELETE FROM tickets WHERE id >= 3;
INSERT INTO invoices (number, total) VALUES (1000, 5);
INSERT INTO invoices (total) VALUES (7);
DELETE FROM invoices;
INSERT INTO counters VALUES ('x', 1);
