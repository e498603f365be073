package dev.mig.schema;

import static dev.mig.sql.Sql.ident;
import static dev.mig.sql.Sql.idents;

import dev.mig.sql.SchemaName;
import dev.mig.sql.Sql;
import dev.mig.sql.SqlTokenizer;
import dev.mig.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the model as CREATE statements: the one place where DDL text is made. The same rendering
 * creates new databases, validates declared schemas in memory, and feeds the {@link SchemaHash}.
 */
public final class SchemaDdl {
    private SchemaDdl() {
    }

    /**
     * Canonical CREATE TABLE for {@code table}: types in canonical spelling, every UNIQUE at table level.
     * What the schema hash is computed from, so it never changes with how a schema is spelled.
     */
    public static String createTable(Table table) {
        return createTable(table, false);
    }

    /**
     * CREATE TABLE as the schema declares it, for the new database: types as spelled, single-column UNIQUE
     * constraints and CHECKs on their column where they were declared there. An ORM that reads the new database's
     * DDL back (Django's inspectdb) then finds what it wrote.
     */
    public static String createTableAsDeclared(Table table) {
        return createTable(table, true);
    }

    private static String createTable(Table table, boolean asDeclared) {
        List<String> parts = new ArrayList<>();
        boolean inlinePk = table.primaryKey() != null && table.primaryKey().columns().size() == 1;
        Map<String, UniqueKey> inlineUniques = asDeclared ? table.columnLevelUniques() : Map.of();
        for (Column c : table.columns()) {
            boolean pkHere = inlinePk && Names.same(table.primaryKey().columns().get(0), c.name());
            String def = columnDef(c, pkHere ? table.primaryKey() : null, asDeclared,
                    inlineUniques.containsKey(Names.key(c.name())));
            if (asDeclared) {
                for (Check ch : table.checks()) {
                    if (ch.column() != null && Names.same(ch.column(), c.name())) {
                        def += " " + check(ch);
                    }
                }
            }
            parts.add(def);
        }
        if (table.primaryKey() != null && !inlinePk) {
            parts.add("PRIMARY KEY (" + idents(table.primaryKey().columns()) + ")");
        }
        // The inlined ones are the list's leading entries (columnLevelUniques): skip them by position, as
        // two equal constraints are still two.
        for (UniqueKey u : table.uniques().subList(inlineUniques.size(), table.uniques().size())) {
            parts.add("UNIQUE (" + idents(u.columns()) + ")");
        }
        for (Check ch : table.checks()) {
            if (!asDeclared || !onAColumn(table, ch)) {
                parts.add(check(ch));
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            parts.add(foreignKey(fk));
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(ident(table.name())).append(" (\n  ");
        sql.append(String.join(",\n  ", parts)).append("\n)");
        List<String> options = new ArrayList<>();
        if (table.withoutRowid()) {
            options.add("WITHOUT ROWID");
        }
        if (table.strict()) {
            options.add("STRICT");
        }
        if (!options.isEmpty()) {
            sql.append(' ').append(String.join(", ", options));
        }
        return sql.toString();
    }

    private static String check(Check ch) {
        return (ch.name() == null ? "" : "CONSTRAINT " + ident(ch.name()) + " ") + "CHECK (" + ch.expr() + ")";
    }

    /** Was the check declared on a column the table has (so that the declared DDL puts it there)? */
    private static boolean onAColumn(Table table, Check ch) {
        return ch.column() != null && table.columns().stream().anyMatch(c -> Names.same(c.name(), ch.column()));
    }

    private static String columnDef(Column c, PrimaryKey inlinePk, boolean asDeclared, boolean unique) {
        StringBuilder sql = new StringBuilder(ident(c.name()));
        if (!c.type().isEmpty()) {
            sql.append(' ').append(asDeclared ? c.typeSpelled() : c.type());
        }
        if (inlinePk != null) {
            sql.append(" PRIMARY KEY");
            if (inlinePk.desc()) {
                sql.append(" DESC");
            }
            if (inlinePk.autoincrement()) {
                sql.append(" AUTOINCREMENT");
            }
        }
        if (c.notNull()) {
            sql.append(" NOT NULL");
        }
        if (unique) {
            sql.append(" UNIQUE");
        }
        if (c.defaultExpr() != null) {
            sql.append(" DEFAULT ").append(defaultValue(c.defaultExpr()));
        }
        if (c.collate() != null) {
            sql.append(" COLLATE ").append(ident(c.collate()));
        }
        if (c.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(c.generated().expr()).append(')')
                    .append(c.generated().stored() ? " STORED" : " VIRTUAL");
        }
        return sql.toString();
    }

    private static final Set<String> LITERAL_WORDS =
            Set.of("NULL", "TRUE", "FALSE", "CURRENT_TIME", "CURRENT_DATE", "CURRENT_TIMESTAMP");

    /** A DEFAULT literal stays bare ({@code DEFAULT 'active'}); any other expression goes in parentheses. */
    static String defaultValue(String expr) {
        List<Token> t = SqlTokenizer.tokenize(expr);
        boolean literal = t.size() == 1 && (t.get(0).type() != Token.Type.WORD && t.get(0).type() != Token.Type.SYMBOL
                && t.get(0).type() != Token.Type.QUOTED_ID && t.get(0).type() != Token.Type.VARIABLE
                || t.get(0).type() == Token.Type.WORD && LITERAL_WORDS.contains(t.get(0).text().toUpperCase()));
        boolean signedNumber = t.size() == 2 && (t.get(0).isSymbol("-") || t.get(0).isSymbol("+"))
                && t.get(1).type() == Token.Type.NUMBER;
        return literal || signedNumber ? expr : "(" + expr + ")";
    }

    static String foreignKey(ForeignKey fk) {
        StringBuilder sql = new StringBuilder("FOREIGN KEY (").append(idents(fk.columns())).append(") REFERENCES ")
                .append(ident(fk.refTable()));
        if (!fk.refColumns().isEmpty()) {
            sql.append(" (").append(idents(fk.refColumns())).append(')');
        }
        if (fk.onDelete() != FkAction.NO_ACTION) {
            sql.append(" ON DELETE ").append(fk.onDelete().sql);
        }
        if (fk.onUpdate() != FkAction.NO_ACTION) {
            sql.append(" ON UPDATE ").append(fk.onUpdate().sql);
        }
        if (fk.deferred()) {
            sql.append(" DEFERRABLE INITIALLY DEFERRED");
        }
        return sql.toString();
    }

    public static String createIndex(String table, Index index) {
        return createIndex(null, table, index);
    }

    /** CREATE INDEX in database {@code db} (the new one, attached); null for the connection's own. */
    public static String createIndex(SchemaName db, String table, Index index) {
        List<String> terms = new ArrayList<>();
        for (IndexTerm term : index.terms()) {
            // An expression term keeps its parentheses: "a + b COLLATE x" would collate only b.
            StringBuilder t = new StringBuilder(term.column() != null ? ident(term.column()) : "(" + term.expr() + ")");
            if (term.collate() != null) {
                t.append(" COLLATE ").append(ident(term.collate()));
            }
            if (term.desc()) {
                t.append(" DESC");
            }
            terms.add(t.toString());
        }
        String name = db == null ? ident(index.name()) : db.table(index.name());
        String sql = "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + name + " ON "
                + ident(table) + " (" + String.join(", ", terms) + ")";
        return index.where() == null ? sql : sql + " WHERE " + index.where();
    }

    public static String createView(View view) {
        String cols = view.columns().isEmpty() ? "" : " (" + idents(view.columns()) + ")";
        return "CREATE VIEW " + ident(view.name()) + cols + " AS " + view.select();
    }

    /** All CREATE statements of a schema in an order SQLite accepts: tables, indexes, views, triggers. */
    public static List<String> createAll(Schema schema) {
        List<String> out = new ArrayList<>();
        for (Table t : schema.tables()) {
            out.add(createTableAsDeclared(t));
        }
        for (Table t : schema.tables()) {
            for (Index i : t.indexes()) {
                out.add(createIndex(t.name(), i));
            }
        }
        for (View v : schema.views()) {
            out.add(createView(v));
        }
        for (Trigger tr : schema.triggers()) {
            out.add(tr.sql());
        }
        return out;
    }

    /**
     * A declared type as it is spelled, for the DDL an ORM reads back: whitespace runs made one space;
     * null when blank, quoted (a quoted word means its unquoted self to SQLite) or holding a comment:
     * then it is spelled canonically.
     */
    public static String spelledType(String declared) {
        if (declared == null || declared.isBlank() || declared.contains("\"") || declared.contains("'")
                || declared.contains("`") || declared.contains("[") || declared.contains("--") || declared.contains("/*")) {
            return null;
        }
        return declared.strip().replaceAll("\\s+", " ").replaceAll("\\( ", "(").replaceAll(" \\)", ")");
    }

    /**
     * Canonical type text: upper case, canonical spacing ({@code varchar( 255 )} is {@code VARCHAR(255)}),
     * and a quoted plain word unquoted ({@code "integer"} is INTEGER to SQLite, rowid alias included).
     */
    public static String canonicalType(String declared) {
        if (declared == null || declared.isBlank()) {
            return "";
        }
        List<Token> tokens = new ArrayList<>();
        for (Token t : SqlTokenizer.tokenize(declared)) {
            boolean quotedWord = (t.type() == Token.Type.QUOTED_ID || t.type() == Token.Type.STRING)
                    && t.nameValue().matches("[A-Za-z_][A-Za-z0-9_]*");
            tokens.add(quotedWord ? new Token(Token.Type.WORD, t.nameValue(), t.start()) : t);
        }
        return Sql.join(tokens).toUpperCase(java.util.Locale.ROOT);
    }
}
