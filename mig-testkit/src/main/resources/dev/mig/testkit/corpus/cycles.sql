-- Self-references and a foreign-key cycle between departments and employees.
PRAGMA foreign_keys = OFF;

CREATE TABLE departments (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    head_id  INTEGER REFERENCES employees (id) DEFERRABLE INITIALLY DEFERRED,
    parent_id INTEGER REFERENCES departments (id)
);

CREATE TABLE employees (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    dept_id    INTEGER NOT NULL REFERENCES departments (id),
    manager_id INTEGER REFERENCES employees (id) ON DELETE SET NULL
);

CREATE TABLE categories (
    path   TEXT PRIMARY KEY,
    parent TEXT REFERENCES categories (path) ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK (parent IS NULL OR path LIKE parent || '/%')
) WITHOUT ROWID;

CREATE INDEX employees_manager ON employees (manager_id);
CREATE INDEX departments_parent ON departments (parent_id);

INSERT INTO departments (id, name, head_id) VALUES (1, 'Engineering', 1);
INSERT INTO employees VALUES (1, 'Grace', 1, NULL), (2, 'Linus', 1, 1);
INSERT INTO categories VALUES ('tools', NULL), ('tools/hammers', 'tools');
