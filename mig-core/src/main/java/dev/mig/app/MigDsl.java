package dev.mig.app;

import java.sql.Connection;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * jOOQ for an application's ready database: typed queries in SQLite's dialect. A class of its own so
 * that {@link MigDatabase} never needs jOOQ: mig-core declares it optional, and an application that
 * wants this brings it.
 */
public final class MigDsl {

    private MigDsl() {
    }

    /**
     * jOOQ on {@code ready}, a connection {@link MigDatabase#openWhenReady} opened, with every name quoted
     * as the schema declares it. The caller keeps the connection and closes it.
     */
    public static DSLContext on(Connection ready) {
        return DSL.using(ready, SQLDialect.SQLITE, new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
    }
}
