package dev.mig.common;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** mig's own version and the SQLite version it runs: recorded in every database mig makes. */
public final class Versions {
    private Versions() {
    }

    /** mig's version, from the jar manifest ("dev" when run from classes). */
    public static String mig() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The SQLite library version sqlite-jdbc bundles. */
    public static String sqlite() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select sqlite_version()")) {
            return rs.next() ? rs.getString(1) : "unknown";
        } catch (SQLException e) {
            return "unknown";
        }
    }
}
