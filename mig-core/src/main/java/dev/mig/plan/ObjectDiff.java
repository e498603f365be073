package dev.mig.plan;

import dev.mig.api.plan.Difference;
import dev.mig.schema.Names;
import dev.mig.schema.Schema;
import dev.mig.schema.Trigger;
import dev.mig.schema.View;

/**
 * View and trigger differences, by name. They hold no rows, so removing one needs no consent; the
 * report still lists every removal, because a missing trigger changes what the application's writes do.
 */
final class ObjectDiff {
    private ObjectDiff() {
    }

    static void viewsAndTriggers(Schema declared, Schema live, Findings findings) {
        for (View v : declared.views()) {
            View old = live.view(v.name()).orElse(null);
            if (old == null) {
                findings.objectDiff(Difference.Kind.VIEW_ADDED, v.name(), "view " + v.name() + " is new");
            } else if (!old.columns().equals(v.columns()) || !old.select().equals(v.select())) {
                findings.objectDiff(Difference.Kind.VIEW_CHANGED, v.name(), "view " + v.name() + " changes");
            }
        }
        live.views().stream().filter(v -> declared.view(v.name()).isEmpty()).forEach(v -> findings.objectDiff(
                Difference.Kind.VIEW_REMOVED, v.name(), "view " + v.name() + " is removed"));
        for (Trigger t : declared.triggers()) {
            Trigger old = live.trigger(t.name()).orElse(null);
            if (old == null) {
                findings.objectDiff(Difference.Kind.TRIGGER_ADDED, t.name(), "trigger " + t.name() + " on "
                        + t.table() + " is new");
            } else if (!Names.same(old.table(), t.table()) || !old.sql().equals(t.sql())) {
                findings.objectDiff(Difference.Kind.TRIGGER_CHANGED, t.name(), "trigger " + t.name() + " on "
                        + t.table() + " changes");
            }
        }
        live.triggers().stream().filter(t -> declared.trigger(t.name()).isEmpty()).forEach(t -> findings.objectDiff(
                Difference.Kind.TRIGGER_REMOVED, t.name(), "trigger " + t.name() + " on " + t.table()
                        + " is removed"));
    }
}
