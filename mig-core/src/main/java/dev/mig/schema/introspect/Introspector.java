package dev.mig.schema.introspect;

import dev.mig.api.MigException;
import dev.mig.schema.DatabaseFileName;
import dev.mig.schema.introspect.IntrospectorPragmas.SchemaRow;
import dev.mig.sql.SchemaName;
import dev.mig.sql.Sql;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads a live SQLite database into the model: its {@link Schema} (canonical, mig's and SQLite's own
 * objects left out), its file settings and its AUTOINCREMENT sequences.
 *
 * <p>Everything is read in one short read transaction, so the result is one consistent snapshot, and
 * no write lock is ever taken: the application's writers keep going while mig looks.
 */
public final class Introspector {

    private Introspector() {
    }

    /** Opens {@code file} read-only, reads it, closes it. */
    public static LiveDatabase read(Path file) {
        try (Connection c = SqliteFiles.openReadOnly(file)) {
            return read(c, SchemaName.MAIN, file);
        } catch (SQLException e) {
            throw failed(file, e);
        }
    }

    /**
     * Reads database {@code db} of an open connection. Starts
     * and ends its own read transaction when the connection is in auto-commit mode; otherwise it reads
     * inside the caller's transaction and leaves it open.
     *
     * @param file the database's file, recorded in the result and used to name the schema
     */
    public static LiveDatabase read(Connection c, SchemaName db, Path file) {
        try {
            boolean ownTransaction = c.getAutoCommit();
            if (!ownTransaction) {
                return new IntrospectorReader(new IntrospectorPragmas(c, db.alias()), file).read();
            }
            c.setAutoCommit(false);
            try {
                LiveDatabase live = new IntrospectorReader(new IntrospectorPragmas(c, db.alias()), file).read();
                c.commit();
                return live;
            } finally {
                endTransaction(c);
            }
        } catch (SQLException e) {
            throw failed(file, e);
        }
    }

    /** A read transaction has nothing to keep: rolling back is how it ends when the read failed. */
    private static void endTransaction(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** {@code shop-0123456789abcdef.sqlite} is {@code shop} (a file mig made); otherwise the name without extension. */
    public static String schemaName(Path file) {
        Optional<String> named = DatabaseFileName.schemaName(file);
        if (named.isPresent()) {
            return named.get();
        }
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static MigException failed(Path file, SQLException e) {
        return SqliteFiles.cannotRead(file, "the schema", e);
    }

    /** SQLite accepted a statement that mig cannot read: a bug in mig, reported with the statement. */
    static MigException unreadable(String kind, SchemaRow row, String detail) {
        return new MigException(MigException.Kind.INTERNAL, "mig cannot read the definition of " + kind + " "
                + Sql.ident(row.name()) + " (" + detail + "): " + row.sql(),
                "This is a bug in mig; please report it with the statement above.");
    }
}
