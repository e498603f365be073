-- Triggers: audit trail, updated_at, validation with RAISE, INSTEAD OF on a view.
CREATE TABLE documents (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT
);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('I', 'U', 'D')),
    old_value  TEXT,
    new_value  TEXT,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TRIGGER documents_ai AFTER INSERT ON documents
BEGIN
    INSERT INTO audit_log (table_name, row_id, action, new_value)
    VALUES ('documents', NEW.id, 'I', json_object('title', NEW.title));
END;

CREATE TRIGGER documents_au AFTER UPDATE ON documents
FOR EACH ROW WHEN OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body
BEGIN
    UPDATE documents SET version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
    INSERT INTO audit_log (table_name, row_id, action, old_value, new_value)
    VALUES ('documents', NEW.id, 'U', OLD.title, NEW.title);
END;

CREATE TRIGGER documents_bd BEFORE DELETE ON documents
WHEN OLD.version > 100
BEGIN
    SELECT RAISE(ABORT, 'documents with more than 100 versions are archived, not deleted');
END;

CREATE TRIGGER documents_ad AFTER DELETE ON documents
BEGIN
    INSERT INTO audit_log (table_name, row_id, action, old_value) VALUES ('documents', OLD.id, 'D', OLD.title);
END;

CREATE VIEW document_titles AS SELECT id, title FROM documents;

CREATE TRIGGER document_titles_insert INSTEAD OF INSERT ON document_titles
BEGIN
    INSERT INTO documents (id, title) VALUES (NEW.id, NEW.title);
END;

-- A trigger with CASE ... END inside its body and odd spacing.
create trigger audit_log_guard before update on audit_log
begin
  select case when new.action <> old.action then raise(fail, 'audit rows are immutable') end;
end;

INSERT INTO documents (title) VALUES ('Readme');
UPDATE documents SET body = 'Hello' WHERE id = 1;
