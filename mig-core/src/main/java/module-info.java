/**
 * mig-core: hot migrations for SQLite. Exported: the facade ({@code dev.mig}), the types its calls take
 * and return ({@code dev.mig.api}, the plan in {@code dev.mig.api.plan}, how numbers are written in {@code dev.mig.api.text}) and the application API
 * ({@code dev.mig.app}). The pipeline packages stay internal; specs/architecture.md says what each owns.
 */
module dev.mig.core {
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;
    requires org.xerial.sqlitejdbc;
    requires org.yaml.snakeyaml;
    requires static org.jooq; // dev.mig.app.MigDatabase.dsl, for applications that bring jOOQ

    exports dev.mig;
    exports dev.mig.api;
    exports dev.mig.api.plan;
    exports dev.mig.api.text;
    exports dev.mig.app;

    // Jackson reads and writes these records: --json output, and the plan and schemas a new database stores.
    opens dev.mig.api to com.fasterxml.jackson.databind;
    opens dev.mig.api.plan to com.fasterxml.jackson.databind;
    opens dev.mig.schema to com.fasterxml.jackson.databind;
}
