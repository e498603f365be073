-- Names that need quoting: spaces, quotes, brackets, backticks, unicode, keywords.
CREATE TABLE "order" (
    "id"            INTEGER PRIMARY KEY,
    "customer name" TEXT NOT NULL,
    "say ""hi"""    TEXT,
    [select]        INTEGER,
    `from`          TEXT,
    "a]b"           TEXT,
    "größe"         REAL,
    "日付"           TEXT,
    "group"         TEXT COLLATE NOCASE
);

CREATE TABLE "line items" (
    "order"    INTEGER NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    "line #"   INTEGER NOT NULL,
    "key"      TEXT,
    PRIMARY KEY ("order", "line #"),
    UNIQUE ("order", "key")
);

CREATE TABLE [table] ([column] TEXT, [index] INTEGER, CHECK ([index] >= 0));

CREATE TABLE `back tick` (`x y` INTEGER PRIMARY KEY, `naïve` TEXT DEFAULT 'café');

CREATE TABLE 'legacy string name' ('col' TEXT);

CREATE INDEX "order by name" ON "order" ("customer name" COLLATE NOCASE, [select] DESC);
CREATE INDEX "line items ""key""" ON "line items" ("key") WHERE "key" IS NOT NULL;

CREATE VIEW "order view" ("order id", "who") AS SELECT "id", "customer name" FROM "order";

CREATE TRIGGER "order audit" AFTER INSERT ON "order"
BEGIN
    INSERT INTO [table] ([column], [index]) VALUES (NEW."customer name", NEW.[select]);
END;

INSERT INTO "order" ("id", "customer name", "say ""hi""", [select], `from`, "größe") VALUES (1, 'Zoë', 'hi', 3, 'web', 1.5);
INSERT INTO "line items" VALUES (1, 1, 'k');
