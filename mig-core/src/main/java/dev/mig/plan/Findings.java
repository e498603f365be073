package dev.mig.plan;

import dev.mig.api.plan.Blocker;
import dev.mig.api.plan.Difference;
import dev.mig.api.plan.Risk;
import java.util.ArrayList;
import java.util.List;

/** Collects what the planning steps find, in the order they find it; frozen into the plan at the end. */
final class Findings {
    final List<Blocker> blockers = new ArrayList<>();
    final List<Risk> risks = new ArrayList<>();
    final List<Difference> differences = new ArrayList<>();
    final List<Difference> objectDifferences = new ArrayList<>();

    void block(Blocker.Kind kind, String table, String column, String message) {
        blockers.add(new Blocker(kind, table, column, message));
    }

    void warn(Risk.Kind kind, String table, String subject, long rows, String message) {
        risks.add(new Risk(kind, Risk.Severity.WARNING, table, subject, rows, 0, message));
    }

    /** A blocking risk is also a blocker with the same message, so {@code canMigrate()} sees it. */
    void blockingRisk(Risk.Kind kind, Blocker.Kind blocker, String table, String subject, long rows, long groups,
                      String message) {
        risks.add(new Risk(kind, Risk.Severity.BLOCKING, table, subject, rows, groups, message));
        blockers.add(new Blocker(blocker, table, subject, message));
    }

    void diff(Difference.Kind kind, String subject, String message) {
        differences.add(new Difference(kind, subject, message));
    }

    void objectDiff(Difference.Kind kind, String subject, String message) {
        objectDifferences.add(new Difference(kind, subject, message));
    }
}
