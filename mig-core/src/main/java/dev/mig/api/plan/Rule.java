package dev.mig.api.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The stable code of everything {@code mig plan} can find: {@code MIG1xx} what the live data makes
 * risky (counted), {@code MIG2xx} what the declared schema asks for, {@code MIG3xx} what running the
 * migration meets (disk room, journal mode, a refusal). Each code has a default {@link Level} and a
 * section in specs/rules.md; a code never changes meaning once released: a new condition gets a new
 * code, a withdrawn one is never reused.
 */
public enum Rule {
    NULLS_IN_NOT_NULL("MIG101", Level.ERROR, "NULL values in a column that becomes NOT NULL"),
    VALUES_REJECTED("MIG102", Level.ERROR, "values a STRICT column or INTEGER PRIMARY KEY rejects"),
    VALUES_KEPT_AS_THEY_ARE("MIG103", Level.WARNING, "values the new type affinity cannot convert, stored as they are"),
    LOSSY_CONVERSION("MIG104", Level.WARNING, "integers that REAL rounds"),
    DUPLICATE_KEYS("MIG105", Level.ERROR, "duplicate values under a new UNIQUE or PRIMARY KEY"),
    ORPHAN_ROWS("MIG106", Level.ERROR, "rows whose foreign key points at no parent"),
    CHECK_FAILURES("MIG107", Level.ERROR, "rows a new CHECK constraint rejects"),
    NULL_KEYS("MIG108", Level.ERROR, "rows with a NULL key, which replay cannot address"),
    GENERATED_REPLACES_DATA("MIG109", Level.WARNING, "a generated column replaces stored values"),
    PROBE_FAILED("MIG110", Level.ERROR, "a declaration cannot be evaluated over the live rows"),
    TABLE_DROPPED("MIG111", Level.WARNING, "a table and its rows are discarded (dropTables)"),
    COLUMN_DROPPED("MIG112", Level.WARNING, "a column and its values are discarded (dropColumns)"),

    SCHEMA_INVALID("MIG200", Level.ERROR, "schema.yaml cannot be read as a schema"),
    TABLE_NOT_DECLARED("MIG201", Level.ERROR, "a live table is neither declared nor dropped"),
    COLUMN_NOT_DECLARED("MIG202", Level.ERROR, "a live column is neither declared nor dropped"),
    RENAME_SOURCE_MISSING("MIG203", Level.ERROR, "renamedFrom names nothing in the live database"),
    RENAME_AMBIGUOUS("MIG204", Level.ERROR, "both the new and the old name exist in the live database"),
    CLAIMED_TWICE("MIG205", Level.ERROR, "one live table or column claimed by two declarations"),
    DROP_CONFLICT("MIG206", Level.ERROR, "a table or column both dropped and declared"),
    NO_VALUE_SOURCE("MIG207", Level.ERROR, "a new NOT NULL column has no value for existing rows"),
    INVALID_FROM("MIG208", Level.ERROR, "a from: expression is not valid over the live table"),
    CONFLICTING_DIRECTIVES("MIG209", Level.ERROR, "directives that contradict each other"),
    REMAP_COMPOSITE_KEY("MIG210", Level.ERROR, "ids: remap on a composite primary key"),
    REMAP_NO_KEY("MIG211", Level.ERROR, "ids: remap on a table without a primary key"),
    REMAP_NOT_ROWID_ALIAS("MIG212", Level.ERROR, "ids: remap on a key that is not an INTEGER PRIMARY KEY"),
    REMAP_AMBIGUOUS_REFERENCE("MIG213", Level.ERROR, "a column would hold remapped keys for one parent and not another"),
    FOREIGN_KEY_UNRESOLVED("MIG214", Level.ERROR, "a foreign key references no declared table or key"),
    UNSUPPORTED_OBJECT("MIG215", Level.ERROR, "the live database holds something mig cannot migrate"),
    CUTOVER_STATEMENT("MIG216", Level.ERROR, "a cutover: statement fails on the declared schema"),
    STALE_RENAME("MIG217", Level.WARNING, "renamedFrom names a table or column that is already renamed"),
    DROP_UNKNOWN("MIG218", Level.WARNING, "dropTables or dropColumns names nothing in the live database"),
    TABLE_ADDED("MIG250", Level.NOTICE, "a new table, created empty"),
    TABLE_RENAMED("MIG251", Level.NOTICE, "a table is renamed"),
    KEYS_REMAPPED("MIG252", Level.NOTICE, "a table gets new keys (ids: remap)"),
    TABLE_STORAGE("MIG253", Level.NOTICE, "a table becomes or stops being STRICT or WITHOUT ROWID"),
    COLUMN_ADDED("MIG254", Level.NOTICE, "a new column"),
    COLUMN_RENAMED("MIG255", Level.NOTICE, "a column is renamed"),
    COLUMN_COMPUTED("MIG256", Level.NOTICE, "a column's values are computed by a from: expression"),
    COLUMN_TYPE("MIG257", Level.NOTICE, "a column's declared type changes"),
    COLUMN_NOT_NULL("MIG258", Level.NOTICE, "a column becomes NOT NULL or nullable"),
    COLUMN_ATTRIBUTES("MIG259", Level.NOTICE, "a column's default, collation, generation or position changes"),
    CONSTRAINTS("MIG260", Level.NOTICE, "a primary key, UNIQUE, CHECK or foreign key is added, removed or changed"),
    OBJECTS("MIG261", Level.NOTICE, "an index, view or trigger is added, removed or changed"),

    NO_REPLAY_KEY("MIG301", Level.ERROR, "changes to a table could not be replayed (hot migration only)"),
    FROM_READS_OTHER_ROWS("MIG302", Level.ERROR, "a from: expression reads other rows (hot migration only)"),
    FROM_NOT_REPEATABLE("MIG303", Level.ERROR, "a from: expression differs at each evaluation (hot migration only)"),
    DISK_SPACE("MIG304", Level.WARNING, "less free disk than the copy needs"),
    JOURNAL_MODE("MIG305", Level.WARNING, "the source is not in WAL mode: verify runs inside the write pause"),
    MIGRATE_REFUSES("MIG306", Level.ERROR, "migrate would refuse: the new database exists or a migration is in progress");

    private final String code;
    private final Level level;
    private final String title;

    Rule(String code, Level level, String title) {
        this.code = code;
        this.level = level;
        this.title = title;
    }

    /** {@code MIG101}: what reports, configuration and specs/rules.md call the rule. */
    public String code() {
        return code;
    }

    /** The level a finding has unless the project sets another. */
    public Level defaultLevel() {
        return level;
    }

    /** One line: what the rule finds. */
    public String title() {
        return title;
    }

    /** {@code data}, {@code structure} or {@code operational}, from the code's hundreds. */
    public String category() {
        return switch (code.charAt(3)) {
            case '1' -> "data";
            case '2' -> "structure";
            default -> "operational";
        };
    }

    /** Can the live data decide whether this finding appears (counted by a probe) rather than the schema alone? */
    public boolean dataDecides() {
        return category().equals("data") && this != TABLE_DROPPED && this != COLUMN_DROPPED || this == JOURNAL_MODE
                || this == DISK_SPACE;
    }

    /** {@code NullsInNotNull}: the rule's name in SARIF. */
    public String camelName() {
        StringBuilder out = new StringBuilder();
        for (String part : name().split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** The rule with this code, in any letter case. */
    public static Optional<Rule> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equalsIgnoreCase(code.strip())).findFirst();
    }

    /** The rule a data finding falls under. */
    public static Rule of(Risk risk) {
        return switch (risk.kind()) {
            case NULLS_IN_NOT_NULL -> NULLS_IN_NOT_NULL;
            case UNCONVERTIBLE_VALUES -> risk.blocking() ? VALUES_REJECTED : VALUES_KEPT_AS_THEY_ARE;
            case LOSSY_CONVERSION -> LOSSY_CONVERSION;
            case DUPLICATE_KEYS -> DUPLICATE_KEYS;
            case ORPHAN_ROWS -> ORPHAN_ROWS;
            case CHECK_FAILURES -> CHECK_FAILURES;
            case NULL_KEYS -> NULL_KEYS;
            case GENERATED_REPLACES_DATA -> GENERATED_REPLACES_DATA;
            case STALE_RENAME -> STALE_RENAME;
            case DROP_UNKNOWN -> DROP_UNKNOWN;
        };
    }

    /**
     * The rule a blocker falls under. Blockers that repeat a blocking {@link Risk} (same message, with
     * counts on the risk) map to the risk's rule.
     */
    public static Rule of(Blocker blocker) {
        return switch (blocker.kind()) {
            case TABLE_NOT_DECLARED -> TABLE_NOT_DECLARED;
            case COLUMN_NOT_DECLARED -> COLUMN_NOT_DECLARED;
            case RENAME_SOURCE_MISSING -> RENAME_SOURCE_MISSING;
            case RENAME_AMBIGUOUS -> RENAME_AMBIGUOUS;
            case CLAIMED_TWICE -> CLAIMED_TWICE;
            case DROP_CONFLICT -> DROP_CONFLICT;
            case NO_VALUE_SOURCE -> NO_VALUE_SOURCE;
            case INVALID_FROM -> INVALID_FROM;
            case CONFLICTING_DIRECTIVES -> CONFLICTING_DIRECTIVES;
            case REMAP_COMPOSITE_KEY -> REMAP_COMPOSITE_KEY;
            case REMAP_NO_KEY -> REMAP_NO_KEY;
            case REMAP_NOT_ROWID_ALIAS -> REMAP_NOT_ROWID_ALIAS;
            case REMAP_AMBIGUOUS_REFERENCE -> REMAP_AMBIGUOUS_REFERENCE;
            case FOREIGN_KEY_UNRESOLVED -> FOREIGN_KEY_UNRESOLVED;
            case UNSUPPORTED_OBJECT -> UNSUPPORTED_OBJECT;
            case PROBE_FAILED -> PROBE_FAILED;
            case UNCONVERTIBLE_VALUES -> VALUES_REJECTED;
            case NULLS_IN_NOT_NULL -> NULLS_IN_NOT_NULL;
            case DUPLICATE_KEYS -> DUPLICATE_KEYS;
            case ORPHAN_ROWS -> ORPHAN_ROWS;
            case CHECK_FAILURES -> CHECK_FAILURES;
            case NULL_KEYS -> NULL_KEYS;
            case NO_REPLAY_KEY -> NO_REPLAY_KEY;
            case FROM_READS_OTHER_ROWS -> FROM_READS_OTHER_ROWS;
            case FROM_NOT_REPEATABLE -> FROM_NOT_REPEATABLE;
            case CUTOVER_STATEMENT -> CUTOVER_STATEMENT;
        };
    }

    /** Does this blocker repeat a blocking risk (which carries the counts)? */
    public static boolean repeatsRisk(Blocker blocker) {
        return switch (blocker.kind()) {
            case UNCONVERTIBLE_VALUES, NULLS_IN_NOT_NULL, DUPLICATE_KEYS, ORPHAN_ROWS, CHECK_FAILURES, NULL_KEYS -> true;
            default -> false;
        };
    }

    /** The rule a structural difference falls under. */
    public static Rule of(Difference difference) {
        return switch (difference.kind()) {
            case TABLE_ADDED -> TABLE_ADDED;
            case TABLE_RENAMED -> TABLE_RENAMED;
            case TABLE_DROPPED -> TABLE_DROPPED;
            case KEYS_REMAPPED -> KEYS_REMAPPED;
            case WITHOUT_ROWID, STRICT -> TABLE_STORAGE;
            case COLUMN_ADDED -> COLUMN_ADDED;
            case COLUMN_RENAMED -> COLUMN_RENAMED;
            case COLUMN_DROPPED -> COLUMN_DROPPED;
            case COLUMN_COMPUTED -> COLUMN_COMPUTED;
            case COLUMN_TYPE -> COLUMN_TYPE;
            case COLUMN_NOT_NULL -> COLUMN_NOT_NULL;
            case COLUMN_DEFAULT, COLUMN_COLLATION, COLUMN_GENERATED, COLUMN_ORDER -> COLUMN_ATTRIBUTES;
            case PRIMARY_KEY, UNIQUE_ADDED, UNIQUE_REMOVED, CHECK_ADDED, CHECK_REMOVED, FOREIGN_KEY_ADDED,
                 FOREIGN_KEY_REMOVED -> CONSTRAINTS;
            case INDEX_ADDED, INDEX_REMOVED, INDEX_CHANGED, VIEW_ADDED, VIEW_REMOVED, VIEW_CHANGED, TRIGGER_ADDED,
                 TRIGGER_REMOVED, TRIGGER_CHANGED -> OBJECTS;
        };
    }
}
