package dev.mig.testkit;

/**
 * The pull request every CI test reviews (issue 19): {@code items.name} becomes NOT NULL while two live
 * rows have no name. The column is on line 6, column 7 of {@link #SCHEMA}; {@link #SCHEMA_WITH_FROM} is
 * the same once it says where the missing names come from, which clears the error.
 */
public final class NotNullPullRequest {

    /** Four items, two of them without a name (as a script: statements end with ";" and a new line). */
    public static final String LIVE_SQL = """
            CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER);
            INSERT INTO items (name, qty) VALUES ('a', 1), (NULL, 2), (NULL, 3), ('d', NULL);
            """;

    /** The schema of the pull request. */
    public static final String SCHEMA = """
            name: app
            tables:
              items:
                columns:
                  id:   {type: INTEGER, primaryKey: true}
                  name: {type: TEXT, nullable: false}
                  qty:  {type: INTEGER}
            """;

    /** The line of {@code name:} in {@link #SCHEMA}. */
    public static final int NAME_LINE = 6;

    /** The schema once {@code name} has a {@code from:} that replaces NULL. */
    public static final String SCHEMA_WITH_FROM = SCHEMA.replace("{type: TEXT, nullable: false}",
            "{type: TEXT, nullable: false, from: \"coalesce(name, '')\"}");

    private NotNullPullRequest() {
    }
}
