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

    /** Is this exactly one of the tables mig keeps in a database ({@link MigTables})? */
    public static boolean isMigObject(String name) {
        return MigTables.ALL.contains(key(name));
    }

    /** Is this a name mig reserves for itself (the {@code _migration_*}, {@code _mig_*} and {@code _id_mapping*} tables)? */
    public static boolean isMigInternal(String name) {
        return MigTables.isReserved(key(name));
    }

    /** SQLite's own objects: sqlite_sequence, sqlite_stat1, sqlite_autoindex_* and so on. */
    public static boolean isSqliteInternal(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("sqlite_");
    }
}
