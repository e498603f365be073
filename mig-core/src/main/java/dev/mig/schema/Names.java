package dev.mig.schema;

import java.util.Collection;
import java.util.Locale;

/** SQLite compares identifiers case-insensitively for ASCII letters only; so does mig. */
public final class Names {
    private Names() {
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }

    /** A lookup key for {@code name}: ASCII letters lower-cased, other characters kept. */
    public static String key(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            out.append(c < 128 ? Character.toLowerCase(c) : c);
        }
        return out.toString();
    }

    /** Same names in the same order. */
    public static boolean same(java.util.List<String> a, java.util.List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    public static boolean contains(Collection<String> names, String name) {
        return names.stream().anyMatch(n -> same(n, name));
    }

    /**
     * The tables mig itself creates in the old database, or in the new one and keeps there after cutover.
     * Id mappings are left out: they exist only in a new database while it migrates, which is never
     * read as an application's database, so any table named like one is the application's (refused).
     */
    private static final java.util.Set<String> MIG_OBJECTS = java.util.Set.of("_migration_marker", "_migration_log",
            "_migration_status", "_schema_identity", "_migration_history", "_migration_plan", "_migration_progress",
            "_migration_replay", "_migration_vacuum_probe");

    private static final String ID_MAPPING = "_id_mapping";

    /**
     * The table in the new database that holds the old-to-new key pairs of the {@code ids: remap} table
     * {@code table} (the target table's name): one table per remapped table, so that translating a key is
     * one search of a small index rather than of one mapping shared by every table.
     */
    public static String idMapping(String table) {
        return ID_MAPPING + "_" + table;
    }

    /** Is this exactly one of the tables of {@link #MIG_OBJECTS}? */
    public static boolean isMigObject(String name) {
        return MIG_OBJECTS.contains(key(name));
    }

    /** Is this a name mig reserves for itself (the {@code _migration_*} and {@code _id_mapping*} tables)? */
    public static boolean isMigInternal(String name) {
        String k = key(name);
        return k.startsWith("_migration_") || k.startsWith(ID_MAPPING) || k.equals("_schema_identity")
                || k.startsWith("_mig_");
    }

    /** SQLite's own objects: sqlite_sequence, sqlite_stat1, sqlite_autoindex_* and so on. */
    public static boolean isSqliteInternal(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("sqlite_");
    }
}
