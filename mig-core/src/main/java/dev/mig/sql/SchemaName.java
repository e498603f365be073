package dev.mig.sql;

/**
 * Where a database is on a connection: the schema name its objects are qualified with. mig's
 * connections hold one database ({@link #MAIN}) or, for copy, replay and verify, the old database as
 * {@link #OLD} with the new one attached as {@link #NEW} ({@link SqliteFiles#openSourceWithTarget}).
 * A handle instead of the strings {@code "main"} and {@code "mig_new"}, so that which database a
 * statement names is visible in its type.
 */
public enum SchemaName {
    /** The only database of a direct connection. */
    MAIN("main"),
    /** The old database on a copy connection: the one it opened (read-only). */
    OLD("main"),
    /** The new database on a copy connection: attached read-write. */
    NEW("mig_new");

    private final String alias;

    SchemaName(String alias) {
        this.alias = alias;
    }

    /** The schema name as SQLite knows it: {@code main}, {@code mig_new}. */
    public String alias() {
        return alias;
    }

    /** The schema name quoted, as {@code PRAGMA "mig_new".integrity_check} needs it. */
    public String quoted() {
        return Sql.ident(alias);
    }

    /** {@code "mig_new"."orders"}: a table (or index, or view) of this database, quoted. */
    public String table(String name) {
        return Sql.ident(alias, name);
    }
}
