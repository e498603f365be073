package dev.mig.state;

import static dev.mig.sql.Sql.ident;

import dev.mig.schema.MigTables;
import dev.mig.sql.SchemaName;
import dev.mig.sql.SqliteFiles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The id mappings of {@code ids: remap} tables ({@code _id_mapping_<table>} in the new database): their
 * DDL and every write to them. Reads happen inside the translation SQL that {@code plan.MappingSql}
 * builds, as a subquery per translated value, so that copy, replay and verify translate keys in SQLite
 * rather than row by row in Java.
 */
public final class IdMappings {

    private IdMappings() {
    }

    // new_key is the rowid, so the next key (the largest + 1) is one lookup; old_key (no declared type:
    // keys keep their type) is UNIQUE, and its index holds the rowid, so translating an old key is one
    // search of that index.
    static String create(String table) {
        return "CREATE TABLE " + ident(MigTables.idMapping(table)) + " (new_key INTEGER PRIMARY KEY, "
                + "old_key NOT NULL UNIQUE)";
    }

    // "+o.k" has no affinity: compared with old_key (declared without a type) nothing is converted, so
    // SQLite can use old_key's index. Comparing with o.k itself would apply INTEGER affinity to old_key
    // and scan the whole mapping for every row.

    /**
     * Gives each old key of {@code keys} (a SELECT of column {@code k}, without duplicates, whose
     * {@code ?} parameters are {@code params}) that the mapping of target table {@code table} lacks the
     * next number after the largest new key already given, in old-key order. Idempotent: a key is never
     * mapped twice, so a resumed copy or a replayed batch can run it again. {@code pair} is a connection to
     * the old database with the new one attached.
     */
    public static void allocate(Connection pair, String table, String keys, List<Object> params)
            throws SQLException {
        String mapping = SchemaName.NEW.table(MigTables.idMapping(table));
        String sql = "INSERT INTO " + mapping + " (old_key, new_key) SELECT k, (SELECT coalesce(max(new_key), 0) FROM "
                + mapping + ") + row_number() OVER (ORDER BY k) FROM (" + keys + ") AS o WHERE NOT EXISTS "
                + "(SELECT 1 FROM " + mapping + " AS m WHERE m.old_key = +o.k)";
        try (PreparedStatement ps = pair.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            ps.executeUpdate();
        }
    }
}
