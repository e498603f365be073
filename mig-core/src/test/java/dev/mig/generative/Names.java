package dev.mig.generative;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Table and column names, hostile ones included (spaces, both quotes, unicode, keywords, dots, brackets),
 * distinct as SQLite compares them (ASCII case-insensitively) within one namespace.
 */
final class Names {

    private static final List<String> HOSTILE = List.of("order", "select", "my table", "quo\"te", "it's", "naïve",
            "日本", "a.b", "[br]", "Group", "with space ", "x-y", "ünï 表", "where", "λ");
    private final Random r;
    private final Set<String> used = new HashSet<>();
    private final double hostile;

    Names(Random r, double hostile) {
        this.r = r;
        this.hostile = hostile;
    }

    /** A fresh name starting with {@code plain} (or a hostile word instead, sometimes). */
    String next(String plain) {
        String base = Gen.chance(r, hostile) ? Gen.pick(r, HOSTILE) : plain;
        String name = base;
        for (int i = 2; !used.add(fold(name)) || reserved(name); i++) {
            name = base + i;
        }
        return name;
    }

    private static boolean reserved(String name) {
        String f = fold(name);
        return f.startsWith("_mig") || f.startsWith("_id_mapping") || f.startsWith("sqlite_")
                || f.startsWith("_schema_identity") || f.equals("rowid") || f.equals("oid") || f.equals("_rowid_");
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
