-- Named and unnamed CHECKs at column and table level, and DEFAULT expressions of every shape.
CREATE TABLE accounts (
    id        INTEGER PRIMARY KEY,
    username  TEXT NOT NULL CONSTRAINT username_format CHECK (username GLOB '[a-z]*' AND length(username) BETWEEN 3 AND 32),
    email     TEXT CHECK (email LIKE '%_@_%' ESCAPE '\'),
    age       INTEGER CONSTRAINT adult CHECK (age IS NULL OR age >= 18) DEFAULT NULL,
    balance   INTEGER NOT NULL DEFAULT 0 CHECK (typeof(balance) = 'integer'),
    status    TEXT NOT NULL DEFAULT ('active'),
    joined    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d', 'now')),
    neg       INTEGER DEFAULT -1,
    zero      INTEGER DEFAULT (0),
    pi        REAL DEFAULT 3.14159,
    hexnum    INTEGER DEFAULT 0x1F,
    big       INTEGER DEFAULT 9223372036854775807,
    quote     TEXT DEFAULT 'it''s',
    empty     TEXT DEFAULT '',
    flag      INTEGER DEFAULT TRUE,
    nada      TEXT DEFAULT NULL,
    today     TEXT DEFAULT CURRENT_DATE,
    now_time  TEXT DEFAULT CURRENT_TIME,
    CONSTRAINT balance_range CHECK (balance BETWEEN -1000000 AND 1000000),
    CHECK (status IN ('active', 'suspended', 'closed')),
    CONSTRAINT "status, not closed when positive" CHECK (NOT (status = 'closed' AND balance > 0)),
    CHECK (CASE WHEN status = 'suspended' THEN age IS NOT NULL ELSE 1 END)
);

INSERT INTO accounts (username, email, age) VALUES ('alice', 'alice@example.com', 30);
