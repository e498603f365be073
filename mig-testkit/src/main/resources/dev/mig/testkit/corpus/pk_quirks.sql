-- The primary-key forms that decide whether a column is the rowid.
CREATE TABLE alias_plain (id INTEGER PRIMARY KEY, v TEXT);
CREATE TABLE alias_asc (id INTEGER PRIMARY KEY ASC, v TEXT);
CREATE TABLE not_alias_desc (id INTEGER PRIMARY KEY DESC, v TEXT);
CREATE TABLE alias_table_desc (id INTEGER, v TEXT, PRIMARY KEY (id DESC));
CREATE TABLE alias_lower (id integer primary key, v TEXT);
CREATE TABLE not_alias_int (id INT PRIMARY KEY, v TEXT);
CREATE TABLE text_desc (code TEXT PRIMARY KEY DESC, v TEXT);
CREATE TABLE text_table_desc (code TEXT, v TEXT, PRIMARY KEY (code DESC));
CREATE TABLE wr_desc (code TEXT PRIMARY KEY DESC, v TEXT) WITHOUT ROWID;
CREATE TABLE wr_int_desc (id INTEGER, v TEXT, PRIMARY KEY (id DESC)) WITHOUT ROWID;

INSERT INTO alias_plain VALUES (5, 'five');
INSERT INTO not_alias_desc VALUES (5, 'five');
INSERT INTO alias_table_desc VALUES (5, 'five');
