-- Generated columns, stored and virtual, over JSON and arithmetic.
CREATE TABLE events (
    id        INTEGER PRIMARY KEY,
    payload   TEXT NOT NULL CHECK (json_valid(payload)),
    kind      TEXT GENERATED ALWAYS AS (payload ->> '$.kind') VIRTUAL,
    user_id   INTEGER GENERATED ALWAYS AS (json_extract(payload, '$.user')) STORED,
    day       TEXT AS (substr(payload ->> '$.at', 1, 10)),
    size      INTEGER AS (length(payload)) STORED NOT NULL
);

CREATE TABLE rectangles (
    id     INTEGER PRIMARY KEY,
    width  REAL NOT NULL,
    height REAL NOT NULL,
    area   REAL GENERATED ALWAYS AS (width * height) STORED,
    ratio  REAL GENERATED ALWAYS AS (CASE WHEN height = 0 THEN NULL ELSE width / height END),
    label  TEXT COLLATE NOCASE AS ('rect ' || id) VIRTUAL
);

CREATE INDEX events_kind_day ON events (kind, day);
CREATE INDEX rectangles_area ON rectangles (area DESC);

INSERT INTO events (id, payload) VALUES (1, '{"kind":"login","user":7,"at":"2024-05-01T10:00:00"}');
INSERT INTO rectangles (id, width, height) VALUES (1, 2, 3);
