package dev.mig.schema.parse;

import dev.mig.api.plan.IdPolicy;
import dev.mig.schema.Check;
import dev.mig.schema.Column;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Names;
import dev.mig.schema.PrimaryKey;
import dev.mig.schema.Table;
import dev.mig.schema.UniqueKey;
import dev.mig.sql.Sql;
import dev.mig.sql.SqlSyntaxException;
import dev.mig.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a stored CREATE TABLE statement into the model (lang_createtable.html). The PRAGMAs do not
 * tell CHECKs, AUTOINCREMENT, generated expressions, collations or deferrable foreign keys, so the
 * statement text is the source for those; everything lands in canonical form.
 */
public final class CreateTableParser {

    /**
     * @param table       the table, without indexes
     * @param unsupported sentences for clauses the model cannot hold (ON CONFLICT, ...)
     */
    public record Result(Table table, List<String> unsupported) {
        public Result {
            unsupported = List.copyOf(unsupported);
        }
    }

    private final TokenCursor c;
    private Parts parts;

    private CreateTableParser(String sql) {
        this.c = TokenCursor.of(sql);
    }

    /** Parses {@code sql}; throws {@link SqlSyntaxException} when it is not a CREATE TABLE statement. */
    public static Result parse(String sql) {
        return new CreateTableParser(sql).statement();
    }

    private Result statement() {
        c.expectWords("CREATE");
        if (!c.acceptWords("TEMP")) {
            c.acceptWords("TEMPORARY");
        }
        c.expectWords("TABLE");
        c.acceptWords("IF", "NOT", "EXISTS");
        parts = new Parts(c.qualifiedName());
        c.expectSymbol("(");
        elements();
        c.expectSymbol(")");
        options();
        if (!c.atEnd()) {
            throw c.error("the end of the statement");
        }
        return new Result(parts.build(), parts.unsupported);
    }

    private void elements() {
        ColumnDefParser.parse(c, parts);
        while (c.acceptSymbol(",")) {
            if (startsTableConstraint()) {
                tableConstraints();
                return;
            }
            ColumnDefParser.parse(c, parts);
        }
    }

    private boolean startsTableConstraint() {
        return c.peekWord("CONSTRAINT") || c.peekWord("PRIMARY") || c.peekWord("UNIQUE") || c.peekWord("CHECK")
                || c.peekWord("FOREIGN");
    }

    /** Table constraints may be separated by commas or, as SQLite allows, by nothing. */
    private void tableConstraints() {
        tableConstraint();
        while (c.acceptSymbol(",") || startsTableConstraint()) {
            tableConstraint();
        }
    }

    private void tableConstraint() {
        String name = c.acceptWords("CONSTRAINT") ? c.name() : null;
        if (c.acceptWords("PRIMARY", "KEY")) {
            primaryKey();
        } else if (c.acceptWords("UNIQUE")) {
            List<KeyTerm> terms = keyTerms(c.parenthesized(), "UNIQUE");
            parts.uniques.add(new UniqueKey(terms.stream().map(KeyTerm::column).toList()));
            parts.conflictClause(c, "UNIQUE (" + Sql.displays(terms.stream().map(KeyTerm::column).toList()) + ")");
        } else if (c.acceptWords("CHECK")) {
            parts.check(name, c.parenthesized());
            parts.conflictClause(c, "CHECK");
        } else if (c.acceptWords("FOREIGN", "KEY")) {
            List<String> columns = TokenCursor.names(c.parenthesized());
            parts.foreignKeys.add(ForeignKeyClauseParser.parse(c, columns));
        } else if (name == null) {
            throw c.error("a table constraint");
        }
    }

    private void primaryKey() {
        List<Token> inside = c.parenthesized();
        boolean autoincrement = !inside.isEmpty() && inside.get(inside.size() - 1).isWord("AUTOINCREMENT");
        List<KeyTerm> terms = keyTerms(autoincrement ? inside.subList(0, inside.size() - 1) : inside, "PRIMARY KEY");
        List<String> columns = terms.stream().map(KeyTerm::column).toList();
        if (terms.size() > 1 && terms.stream().anyMatch(KeyTerm::desc)) {
            parts.unsupported("DESC in the composite PRIMARY KEY (" + Sql.displays(columns) + ")");
        }
        parts.tablePrimaryKey = new PrimaryKey(columns, terms.size() == 1 && terms.get(0).desc(), autoincrement);
        parts.conflictClause(c, "PRIMARY KEY (" + Sql.displays(columns) + ")");
    }

    /** One term of a PRIMARY KEY or UNIQUE list: {@code name [COLLATE x] [ASC|DESC]}. */
    private record KeyTerm(String column, boolean desc) {
    }

    private List<KeyTerm> keyTerms(List<Token> inside, String constraint) {
        List<KeyTerm> terms = new ArrayList<>();
        for (List<Token> part : TokenCursor.splitTopLevel(inside)) {
            TokenCursor t = new TokenCursor(part);
            String column = t.name();
            if (t.acceptWords("COLLATE")) {
                parts.unsupported("COLLATE " + t.name() + " on column " + column + " of " + constraint);
            }
            boolean desc = t.acceptWords("DESC");
            if (!desc) {
                t.acceptWords("ASC");
            }
            if (!t.atEnd()) {
                throw t.error("',' or ')' in " + constraint);
            }
            terms.add(new KeyTerm(column, desc));
        }
        return terms;
    }

    /** {@code WITHOUT ROWID} and {@code STRICT}, comma-separated, in any order. */
    private void options() {
        do {
            if (c.acceptWords("WITHOUT", "ROWID")) {
                parts.withoutRowid = true;
            } else if (c.acceptWords("STRICT")) {
                parts.strict = true;
            } else if (!c.atEnd()) {
                throw c.error("WITHOUT ROWID or STRICT");
            }
        } while (c.acceptSymbol(","));
    }

    /** What the statement has declared so far; column definitions add to it too. */
    static final class Parts {
        final String table;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey columnPrimaryKey;
        PrimaryKey tablePrimaryKey;
        final List<UniqueKey> uniques = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<String> unsupported = new ArrayList<>();
        boolean withoutRowid;
        boolean strict;

        Parts(String table) {
            this.table = table;
        }

        void check(String name, List<Token> expr) {
            check(name, expr, null);
        }

        /** A CHECK, written on {@code column} or (null) as a table constraint. */
        void check(String name, List<Token> expr, String column) {
            checks.add(new Check(name, Sql.canonicalExpr(Sql.join(expr)), column));
        }

        /** {@code ON CONFLICT x} after a constraint: SQLite honours it, the model cannot carry it. */
        void conflictClause(TokenCursor c, String constraint) {
            if (c.acceptWords("ON", "CONFLICT")) {
                unsupported("ON CONFLICT " + c.next().text().toUpperCase(java.util.Locale.ROOT) + " on "
                        + constraint);
            }
        }

        void unsupported(String what) {
            unsupported.add("table " + Sql.display(table) + ": " + what + " is not supported and would be dropped.");
        }

        Table build() {
            return new Table(table, columns, primaryKey(), normalised(uniques), checks, normalisedFks(), List.of(),
                    withoutRowid, strict, null, List.of(), IdPolicy.PRESERVE);
        }

        /**
         * A table-level {@code PRIMARY KEY (id DESC)} on an INTEGER column of a rowid table is still the
         * rowid alias (only the column form {@code INTEGER PRIMARY KEY DESC} is not), so its DESC is
         * dropped: rendered inline it would otherwise turn the alias off.
         */
        private PrimaryKey primaryKey() {
            PrimaryKey pk = columnPrimaryKey != null ? columnPrimaryKey : tablePrimaryKey;
            if (pk == null) {
                return null;
            }
            List<String> cols = spelled(pk.columns());
            boolean desc = pk.desc();
            if (pk == tablePrimaryKey && desc && !withoutRowid && "INTEGER".equals(typeOf(cols.get(0)))) {
                desc = false;
            }
            return new PrimaryKey(cols, desc, pk.autoincrement());
        }

        private String typeOf(String column) {
            return columns.stream().filter(col -> Names.same(col.name(), column)).map(Column::type).findFirst()
                    .orElse("");
        }

        private List<UniqueKey> normalised(List<UniqueKey> keys) {
            return keys.stream().map(u -> new UniqueKey(spelled(u.columns()))).toList();
        }

        private List<ForeignKey> normalisedFks() {
            return foreignKeys.stream().map(f -> new ForeignKey(spelled(f.columns()), f.refTable(), f.refColumns(),
                    f.onDelete(), f.onUpdate(), f.deferred())).toList();
        }

        /** Column references as the column definitions spell them (SQLite matches them case-insensitively). */
        private List<String> spelled(List<String> names) {
            return names.stream().map(n -> columns.stream().map(Column::name).filter(col -> Names.same(col, n))
                    .findFirst().orElse(n)).toList();
        }
    }
}
