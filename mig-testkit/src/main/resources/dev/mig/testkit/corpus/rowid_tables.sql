-- Rowid tables without a declared key, and keys that are not rowid aliases.
CREATE TABLE log_lines (ts TEXT, level TEXT, message TEXT);

CREATE TABLE kv (k, v);

CREATE TABLE int_key (id INT PRIMARY KEY, label TEXT);

CREATE TABLE bigint_key (id BIGINT PRIMARY KEY NOT NULL, label TEXT);

CREATE TABLE text_key (code TEXT PRIMARY KEY, label TEXT);

CREATE TABLE nullable_composite (a TEXT, b TEXT, c INTEGER, PRIMARY KEY (a, b));

CREATE INDEX log_lines_level ON log_lines (level, ts);

INSERT INTO log_lines VALUES ('2024-01-01', 'INFO', 'started'), ('2024-01-01', 'WARN', 'slow');
INSERT INTO kv VALUES (1, 'one'), ('two', 2), (NULL, x'00');
-- A NULL in this key is legal in SQLite but makes a row unaddressable: the planner refuses it
-- (ReplayKeysTest), so the round-trip corpus keeps the key filled.
INSERT INTO nullable_composite VALUES ('a', 'x', 1);
