-- A double-entry ledger in STRICT tables.
CREATE TABLE accounts (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL CHECK (kind IN ('asset', 'liability', 'equity', 'income', 'expense')),
    currency TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3)
) STRICT;

CREATE TABLE journal (
    id        INTEGER PRIMARY KEY,
    posted_on TEXT NOT NULL,
    memo      TEXT,
    meta      ANY
) STRICT;

CREATE TABLE entries (
    journal_id INTEGER NOT NULL REFERENCES journal (id) ON DELETE CASCADE,
    line       INTEGER NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    amount     INTEGER NOT NULL CHECK (amount <> 0),
    rate       REAL,
    receipt    BLOB,
    PRIMARY KEY (journal_id, line)
) STRICT, WITHOUT ROWID;

CREATE TABLE balances (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id),
    balance    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID, STRICT;

CREATE INDEX entries_by_account ON entries (account_id, journal_id);

CREATE TRIGGER entries_post AFTER INSERT ON entries
BEGIN
    INSERT INTO balances (account_id, balance) VALUES (NEW.account_id, NEW.amount)
        ON CONFLICT (account_id) DO UPDATE SET balance = balance + excluded.balance;
END;

INSERT INTO accounts VALUES (1, '1000', 'asset', 'EUR'), (2, '3000', 'equity', 'EUR');
INSERT INTO journal VALUES (1, '2024-01-01', 'opening', NULL);
INSERT INTO entries VALUES (1, 1, 1, 10000, NULL, NULL), (1, 2, 2, -10000, NULL, x'00ff');
