package dev.mig.run;

import dev.mig.api.MigException;
import dev.mig.sql.SqliteFiles;
import java.sql.SQLException;

/** Turns an SQLite error in the middle of a command into a message that says what state things are in. */
final class Failures {
    private Failures() {
    }

    static MigException sql(String command, SQLException e) {
        String m = String.valueOf(e.getMessage());
        String what;
        if (m.contains("SQLITE_FULL")) {
            what = "the disk (or the database's size limit) is full";
        } else if (m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED")) {
            what = "a database stayed locked by another connection for longer than mig waits ("
                    + SqliteFiles.busyTimeout() + " ms, --busy-timeout)";
        } else if (m.contains("SQLITE_READONLY") || m.contains("SQLITE_CANTOPEN") || m.contains("SQLITE_PERM")) {
            what = "a file or its directory cannot be written";
        } else if (SqliteFiles.isDamage(e)) {
            what = "a database file is damaged";
        } else {
            what = "SQLite reported an error";
        }
        return MigException.runtime("mig " + command + " stopped: " + what + " (" + m + "). Every committed step is "
                        + "kept; the old database still holds all of the application's data.",
                "Fix the cause, then run 'mig " + command + "' again to continue, or 'mig reset' to undo the migration.", e);
    }
}
