-- Every kind of index term SQLite allows.
CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name  TEXT NOT NULL,
    email      TEXT,
    born       TEXT,
    score      REAL,
    tags       TEXT,
    deleted    INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX people_name ON people (last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX people_score_desc ON people (score DESC, id ASC);
CREATE UNIQUE INDEX people_email ON people (lower(trim(email))) WHERE email IS NOT NULL AND deleted = 0;
CREATE INDEX people_birth_year ON people (CAST(substr(born, 1, 4) AS INTEGER));
CREATE INDEX people_tag_count ON people (json_array_length(tags) DESC) WHERE json_valid(tags);
CREATE INDEX people_rtrim ON people (last_name COLLATE RTRIM DESC, (first_name || ' ' || last_name));
CREATE INDEX people_binary ON people (email COLLATE BINARY);
CREATE INDEX people_expr_collate ON people (upper(first_name) COLLATE NOCASE);
CREATE INDEX people_live ON people (deleted, id) WHERE deleted IN (0, 1);
create   index   people_lower_case   on   people(   score   ,  born   desc  );
CREATE INDEX "people by ""quoted"" name" ON people ("last_name");

INSERT INTO people (first_name, last_name, email, born, score, tags)
VALUES ('Ada', 'Lovelace', 'ada@example.com', '1815-12-10', 99.5, '["math"]');
