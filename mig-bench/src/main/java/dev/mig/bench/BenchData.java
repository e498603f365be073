package dev.mig.bench;

import dev.mig.api.MigException;
import dev.mig.sql.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The synthetic "shop" database: five FK-linked tables with integer and TEXT keys, secondary and
 * UNIQUE indexes, TEXT of varied length, some BLOBs and NULLs, and its v2 schema.yaml (a rename, a
 * computed column, one remapped table). Values are pseudo-random but deterministic (BLOB bytes aside),
 * generated inside SQLite so that ten million rows take seconds, not minutes.
 */
final class BenchData {

    /** Row counts per table for {@code total} rows. */
    record Sizes(long users, long products, long orders, long items, long reviews) {
        static Sizes of(long total) {
            long users = Math.max(1, total / 10);
            long products = Math.max(1, total / 50);
            long orders = Math.max(1, total / 5);
            long reviews = Math.max(1, total * 13 / 100);
            long items = Math.max(1, total - users - products - orders - reviews);
            return new Sizes(users, products, orders, items, reviews);
        }

        long total() {
            return users + products + orders + items + reviews;
        }
    }

    /** A 1,000-character filler that TEXT values are cut from, so their lengths vary. */
    private static final String FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
            + "tempor incididunt ut labore et dolore magna aliqua. ";

    private static final List<String> V1 = List.of(
            "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, bio TEXT, "
                    + "created_at TEXT NOT NULL)",
            "CREATE TABLE products (sku TEXT PRIMARY KEY, title TEXT NOT NULL, price_cents INTEGER NOT NULL, image BLOB)",
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), "
                    + "status TEXT NOT NULL, placed_at TEXT NOT NULL, note TEXT)",
            "CREATE TABLE order_items (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (id) "
                    + "ON DELETE CASCADE, sku TEXT NOT NULL REFERENCES products (sku), quantity INTEGER NOT NULL, "
                    + "unit_price_cents INTEGER NOT NULL, options TEXT)",
            "CREATE TABLE reviews (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), "
                    + "sku TEXT NOT NULL REFERENCES products (sku), rating INTEGER, body TEXT, photo BLOB)",
            "CREATE INDEX orders_by_user ON orders (user_id)",
            "CREATE INDEX order_items_by_order ON order_items (order_id)",
            "CREATE INDEX reviews_by_sku ON reviews (sku)");

    private BenchData() {
    }

    /**
     * Creates {@code file} (WAL) with about {@code total} rows. {@code narrow} leaves out the long TEXT
     * and the BLOBs (the 10x memory run), so the rows are small but just as many.
     */
    static Sizes generate(Path file, long total, boolean narrow) {
        Sizes n = Sizes.of(total);
        int text = narrow ? 8 : 1;
        try (Connection c = SqliteFiles.openReadWrite(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = OFF");
            s.execute("BEGIN");
            for (String ddl : V1) {
                s.execute(ddl);
            }
            String filler = "(SELECT f FROM filler)";
            insert(c, "users (id, email, name, bio, created_at)", n.users(),
                    "i, 'user' || i || '@example.org', 'User ' || i, CASE WHEN i % 3 = 0 THEN NULL ELSE substr("
                            + filler + ", 1 + i % 50, (i * 7919) % (" + 160 / text + ")) END, "
                            + "datetime(1600000000 + i * 37, 'unixepoch')");
            insert(c, "products (sku, title, price_cents, image)", n.products(),
                    "printf('SKU-%08d', i), 'Product ' || substr(" + filler + ", 1 + i % 40, 10 + i % 30), "
                            + "100 + (i * 31) % 99900, CASE WHEN i % 4 = 0 AND " + (narrow ? 0 : 1) + " THEN "
                            + "randomblob(200 + (i * 13) % 800) END");
            insert(c, "orders (id, user_id, status, placed_at, note)", n.orders(),
                    "i, 1 + (i * 7919) % " + n.users() + ", CASE i % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'paid' WHEN 2 "
                            + "THEN 'shipped' ELSE 'cancelled' END, datetime(1600000000 + i * 11, 'unixepoch'), "
                            + "CASE WHEN i % 2 = 0 THEN NULL ELSE substr(" + filler + ", 1 + i % 60, (i * 104729) % ("
                            + 120 / text + ")) END");
            insert(c, "order_items (id, order_id, sku, quantity, unit_price_cents, options)", n.items(),
                    "i, 1 + (i * 31) % " + n.orders() + ", printf('SKU-%08d', 1 + (i * 17) % " + n.products() + "), "
                            + "1 + i % 5, 100 + (i * 37) % 9900, CASE WHEN i % 2 = 0 THEN NULL ELSE "
                            + "'{\"gift\":' || (i % 3 = 0) || ',\"note\":\"' || substr(" + filler + ", 1, (i * 7) % ("
                            + 80 / text + ")) || '\"}' END");
            insert(c, "reviews (id, user_id, sku, rating, body, photo)", n.reviews(),
                    "i, CASE WHEN i % 10 = 0 THEN NULL ELSE 1 + (i * 13) % " + n.users() + " END, printf('SKU-%08d', "
                            + "1 + (i * 7) % " + n.products() + "), CASE WHEN i % 7 = 0 THEN NULL ELSE 1 + i % 5 END, "
                            + "substr(" + filler + ", 1 + i % 100, (i * 7919) % (" + 300 / text + ")), CASE WHEN i % 10 = 3 "
                            + "AND " + (narrow ? 0 : 1) + " THEN randomblob(100 + (i * 11) % 900) END");
            s.execute("COMMIT");
            s.execute("PRAGMA optimize");
        } catch (SQLException e) {
            throw MigException.runtime("Cannot generate the benchmark database " + file + ": " + e.getMessage(),
                    "Check free disk space in the work directory.", e);
        }
        return n;
    }

    private static void insert(Connection c, String into, long rows, String values) throws SQLException {
        String filler = FILLER.repeat(1000 / FILLER.length() + 1).substring(0, 1000);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + into + " WITH RECURSIVE n(i) AS "
                + "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?), filler(f) AS (SELECT ?) SELECT " + values
                + " FROM n")) {
            ps.setLong(1, rows);
            ps.setString(2, filler);
            ps.executeUpdate();
        }
    }

    /**
     * The v2 schema.yaml: {@code products.title} renamed to {@code name}, {@code order_items} gains the
     * computed {@code line_total_cents}, and (with {@code remap}) {@code users} gets new ids that the
     * foreign keys of {@code orders} and {@code reviews} follow.
     */
    static String schemaV2(boolean remap) {
        return """
                name: bench
                tables:
                  users:
                %s    columns:
                      id:         {type: INTEGER, primaryKey: true}
                      email:      {type: TEXT, nullable: false, unique: true}
                      name:       {type: TEXT, nullable: false}
                      bio:        {type: TEXT}
                      created_at: {type: TEXT, nullable: false}
                  products:
                    columns:
                      sku:         {type: TEXT, primaryKey: true}
                      name:        {type: TEXT, nullable: false, renamedFrom: title}
                      price_cents: {type: INTEGER, nullable: false}
                      image:       {type: BLOB}
                  orders:
                    columns:
                      id:        {type: INTEGER, primaryKey: true}
                      user_id:   {type: INTEGER, nullable: false, references: users.id}
                      status:    {type: TEXT, nullable: false}
                      placed_at: {type: TEXT, nullable: false}
                      note:      {type: TEXT}
                    indexes:
                      orders_by_user: [user_id]
                  order_items:
                    columns:
                      id:               {type: INTEGER, primaryKey: true}
                      order_id:         {type: INTEGER, nullable: false, references: orders.id, onDelete: cascade}
                      sku:              {type: TEXT, nullable: false, references: products.sku}
                      quantity:         {type: INTEGER, nullable: false}
                      unit_price_cents: {type: INTEGER, nullable: false}
                      line_total_cents: {type: INTEGER, nullable: false, from: "quantity * unit_price_cents"}
                      options:          {type: TEXT}
                    indexes:
                      order_items_by_order: [order_id]
                  reviews:
                    columns:
                      id:      {type: INTEGER, primaryKey: true}
                      user_id: {type: INTEGER, references: users.id}
                      sku:     {type: TEXT, nullable: false, references: products.sku}
                      rating:  {type: INTEGER}
                      body:    {type: TEXT}
                      photo:   {type: BLOB}
                    indexes:
                      reviews_by_sku: [sku]
                """.formatted(remap ? "    ids: remap\n" : "");
    }
}
