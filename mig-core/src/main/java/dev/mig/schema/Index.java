package dev.mig.schema;

import java.util.List;

/**
 * A CREATE INDEX (never an automatic index; those belong to UNIQUE and PRIMARY KEY constraints).
 *
 * @param where canonical WHERE expression of a partial index, or null
 */
public record Index(String name, List<IndexTerm> terms, boolean unique, String where) {
    public Index {
        terms = List.copyOf(terms);
    }
}
