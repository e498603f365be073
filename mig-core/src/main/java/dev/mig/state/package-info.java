/**
 * The new database's own bookkeeping: its status row, its schema identity, the stored plan, copy
 * cursors, the replay checkpoint, the ID mapping and the migration history. Everything a resumed or
 * later mig process needs is here, committed together with the data it describes. This package is the
 * only code that reads or writes those tables, and it does so through jOOQ ({@code StateSql} declares
 * the tables and columns; no generated code). Their DDL is written out by hand in {@code StateTables}:
 * it is part of mig's file format, as {@code sqlite_schema} keeps it.
 */
package dev.mig.state;
