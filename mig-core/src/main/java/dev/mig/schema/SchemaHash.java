package dev.mig.schema;

import dev.mig.api.plan.IdPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical schema hash: SHA-256 over the canonical DDL of the schema's structure, first 16 hex
 * digits. Objects are sorted by name, so file order, comments, formatting and migration directives
 * never change it; column order does, because it is structure.
 */
public final class SchemaHash {
    private SchemaHash() {
    }

    public static String of(Schema schema) {
        StringBuilder canonical = new StringBuilder();
        schema.tables().stream().sorted(Comparator.comparing(t -> Names.key(t.name()))).forEach(t -> {
            Table structure = t.structureOnly();
            canonical.append(SchemaDdl.createTable(withSortedConstraints(structure))).append(";\n");
            structure.indexes().stream().sorted(Comparator.comparing(i -> Names.key(i.name())))
                    .forEach(i -> canonical.append(SchemaDdl.createIndex(t.name(), i)).append(";\n"));
        });
        schema.views().stream().sorted(Comparator.comparing(v -> Names.key(v.name())))
                .forEach(v -> canonical.append(SchemaDdl.createView(v)).append(";\n"));
        schema.triggers().stream().sorted(Comparator.comparing(t -> Names.key(t.name())))
                .forEach(t -> canonical.append(t.sql()).append(";\n"));
        return sha256(canonical.toString()).substring(0, 16);
    }

    /** UNIQUE, CHECK and FOREIGN KEY constraints are sets: their order means nothing. */
    private static Table withSortedConstraints(Table t) {
        List<UniqueKey> uniques = t.uniques().stream().sorted(Comparator.comparing(Object::toString)).toList();
        List<Check> checks = t.checks().stream().sorted(Comparator.comparing(Object::toString)).toList();
        List<ForeignKey> fks = t.foreignKeys().stream().sorted(Comparator.comparing(Object::toString)).toList();
        return new Table(t.name(), t.columns(), t.primaryKey(), uniques, checks, fks, List.of(), t.withoutRowid(),
                t.strict(), null, List.of(), IdPolicy.PRESERVE);
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
