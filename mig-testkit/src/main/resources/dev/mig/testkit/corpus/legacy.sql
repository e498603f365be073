/* A schema written the way old apps wrote them: lower case, odd spacing, legacy quoting. */
create table settings(
  key varchar(255) not null primary key,   -- a keyword as a column name, bare
  value text default "unset",              -- double-quoted string literal as a default
  kind text default plain,                 -- a bare word as a default is a string too
  flags unsigned big int default 0,
  ratio double precision default -1,
  scale numeric(10, 5) default (0),
  label native character(70),
  hint nvarchar( 100 ),
  untyped,
  stamp default current_timestamp,
  blob_default blob default x'cafe',
  plus default +5,
  neg_real float default -2.5e3,
  check(kind in ("plain", "secret"))        -- legacy double-quoted strings in a CHECK
  constraint value_not_empty check (value <> "")
);

CREATE TABLE Mixed_Case (
    ID Integer Primary Key,
    Name Text Collate Nocase Not Null,
    Ref Integer References SETTINGS(KEY)
);

create index Mixed_Case_Name on mixed_case(name);
create unique index mixed_case_ref on MIXED_CASE (REF) where ref is not null;

insert into settings(key, value) values ('theme', 'dark');
