-- Identifiers and values YAML and SQL both want quoted: quotes of every kind, YAML indicators,
-- words YAML reads as booleans, nulls, numbers and dates, non-ASCII letters, emoji and spaces.
CREATE TABLE "yes" (
    "null"        INTEGER PRIMARY KEY,
    "on"          TEXT DEFAULT 'it''s',
    "12"          REAL DEFAULT -1.5,
    "2024-01-31"  TEXT DEFAULT '2024-01-31',
    "a: b"        TEXT DEFAULT 'a: b # not a comment',
    "- dash"      TEXT,
    "#hash"       TEXT CHECK ("#hash" <> '#'),
    "{brace}"     TEXT,
    "[bracket]"   TEXT,
    "it's"        TEXT DEFAULT '"double" and ''single''',
    " padded "    TEXT,
    "tab	name"    TEXT,
    "Ärger"       TEXT COLLATE NOCASE,
    "名前"         TEXT NOT NULL DEFAULT '名無し',
    "emoji 🐘"     TEXT DEFAULT '🐘',
    "back`tick"   TEXT,
    "quote""d"    TEXT UNIQUE
);

CREATE TABLE "Straße" (
    "ключ"   INTEGER PRIMARY KEY,
    "yes_id" INTEGER REFERENCES "yes" ("null") ON DELETE SET NULL,
    "ø"      TEXT NOT NULL DEFAULT '',
    UNIQUE ("yes_id", "ø")
);

CREATE INDEX "idx: ärger" ON "yes" ("Ärger" DESC, "名前") WHERE "on" IS NOT NULL;
CREATE INDEX "~tilde" ON "Straße" (lower("ø"));

CREATE VIEW "vue ""été""" AS SELECT "null" AS "n", "名前" AS "名" FROM "yes" WHERE "a: b" LIKE '%#%';

CREATE TRIGGER "déclencheur 'x'" AFTER INSERT ON "yes"
BEGIN
    INSERT INTO "Straße" ("yes_id", "ø") VALUES (NEW."null", 'ça: "va"');
END;

INSERT INTO "yes" ("null", "名前", "quote""d") VALUES (1, 'Zoë', 'q1'), (2, '🐘', 'q2');
