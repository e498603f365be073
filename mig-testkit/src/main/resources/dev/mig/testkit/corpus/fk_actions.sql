-- Foreign keys with every action and every deferrable form.
CREATE TABLE parents (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE
);

CREATE TABLE children (
    id          INTEGER PRIMARY KEY,
    p_cascade   INTEGER REFERENCES parents (id) ON DELETE CASCADE ON UPDATE CASCADE,
    p_set_null  INTEGER REFERENCES parents (id) ON DELETE SET NULL,
    p_default   INTEGER DEFAULT 0 REFERENCES parents (id) ON DELETE SET DEFAULT,
    p_restrict  INTEGER REFERENCES parents (id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    p_noaction  INTEGER REFERENCES parents (id) ON DELETE NO ACTION,
    p_code      TEXT REFERENCES parents (code) MATCH SIMPLE ON UPDATE CASCADE,
    p_deferred  INTEGER REFERENCES parents DEFERRABLE INITIALLY DEFERRED,
    p_immediate INTEGER REFERENCES parents DEFERRABLE INITIALLY IMMEDIATE,
    p_plain_def INTEGER REFERENCES parents DEFERRABLE,
    p_not_def   INTEGER REFERENCES parents NOT DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE grandchildren (
    child_id INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    CONSTRAINT gc_pk PRIMARY KEY (child_id, n),
    CONSTRAINT gc_child FOREIGN KEY (child_id) REFERENCES children (id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

INSERT INTO parents VALUES (0, 'none'), (1, 'one');
INSERT INTO children (id, p_cascade, p_code) VALUES (1, 1, 'one');
INSERT INTO grandchildren VALUES (1, 1);
