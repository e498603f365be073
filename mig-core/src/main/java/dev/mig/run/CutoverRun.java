package dev.mig.run;

import static dev.mig.sql.Sql.ident;

import dev.mig.state.NewDatabase;
import dev.mig.state.ReplayState;
import dev.mig.state.StateStore;
import dev.mig.state.StateTables;
import dev.mig.sql.SqliteFiles;
import dev.mig.sql.Tx;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** {@code mig cutover}: the one transaction that makes the new database the application's. */
public final class CutoverRun {

    private CutoverRun() {
    }

    /**
     * In one transaction on the new database: create the declared user triggers, drop the replay-only
     * tables, set the status to {@code ready}, and append the history row. Durability is restored first.
     */
    static void finish(ActiveMigration m, long rowsCopied, long entriesReplayed, Long writePauseMs) throws SQLException {
        StateStore state = new StateStore("main");
        try (Connection c = SqliteFiles.openReadWrite(m.target())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous = FULL");
            }
            ReplayState replay = state.replay(c).orElseThrow();
            Tx.immediate(c, conn -> {
                try (Statement s = conn.createStatement()) {
                    for (var trigger : m.declared().triggers()) {
                        s.execute(trigger.sql());
                    }
                    for (String table : StateTables.replayOnly()) {
                        s.execute("DROP TABLE IF EXISTS " + ident(table));
                    }
                    s.execute("UPDATE " + ident(StateTables.STATUS) + " SET status = '" + NewDatabase.Status.READY.sql()
                            + "' WHERE id = 0");
                }
                state.appendHistory(conn, new StateStore.HistoryRow(m.plan().sourceHash(), m.plan().targetHash(),
                        replay.startedUtc(), Clock.nowUtc(), rowsCopied, entriesReplayed, writePauseMs,
                        dev.mig.Mig.version()));
                return null;
            });
        }
    }
}
