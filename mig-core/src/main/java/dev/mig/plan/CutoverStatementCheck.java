package dev.mig.plan;

import dev.mig.api.plan.Blocker;
import dev.mig.schema.Schema;
import dev.mig.schema.SchemaDdl;
import dev.mig.sql.SqliteFiles;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tries the {@code cutover:} statements on an empty in-memory database of the declared schema, before
 * anything is created: a typo or a missing table or column blocks the plan instead of a cutover, where
 * the application's writes would be paused while it failed. Rolled back; data-dependent failures (a
 * UNIQUE row already there) can only show at cutover.
 */
final class CutoverStatementCheck {

    private CutoverStatementCheck() {
    }

    static void run(Schema declared, Findings findings) {
        if (declared.cutover().isEmpty()) {
            return;
        }
        try (Connection c = SqliteFiles.openMemory(); Statement s = c.createStatement()) {
            for (String ddl : SchemaDdl.createAll(declared)) {
                s.execute(ddl);
            }
            s.execute("BEGIN");
            for (int i = 0; i < declared.cutover().size(); i++) {
                String statement = declared.cutover().get(i);
                try {
                    s.executeUpdate(statement);
                } catch (SQLException e) {
                    findings.block(Blocker.Kind.CUTOVER_STATEMENT, null, null, "cutover statement " + (i + 1)
                            + " fails on the declared schema: " + e.getMessage() + " (" + statement + "): fix it "
                            + "under cutover: in schema.yaml");
                }
            }
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            findings.block(Blocker.Kind.CUTOVER_STATEMENT, null, null, "the cutover: statements could not be tried "
                    + "on the declared schema: " + e.getMessage());
        }
    }
}
