package dev.mig.hot;

import dev.mig.testing.Db;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The shop fixture: customers, their orders (cascading), tags with a UNIQUE label; v1 and v2. */
public final class Shop {

    private Shop() {
    }

    public static final String V1 = """
            name: shop
            tables:
              customers:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  email: {type: TEXT, nullable: false, unique: true}
                  name: {type: TEXT}
              orders:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  customer_id: {type: INTEGER, nullable: false, references: customers.id, onDelete: cascade, onUpdate: cascade}
                  amount: {type: INTEGER}
                  note: {type: TEXT}
                indexes:
                  orders_by_customer: [customer_id]
              tags:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  label: {type: TEXT, nullable: false, unique: true}
                  hits: {type: INTEGER}
                  color: {type: TEXT, default: "'grey'"}
            """;

    /**
     * customers: ids kept, a column renamed, one computed; orders: ids remapped, the old id kept in
     * {@code legacy_id}; tags: a column added, one dropped with consent.
     */
    public static final String V2 = """
            name: shop
            tables:
              customers:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  email: {type: TEXT, nullable: false, unique: true}
                  full_name: {type: TEXT, renamedFrom: name}
                  domain: {type: TEXT, from: "substr(email, instr(email, '@') + 1)"}
              orders:
                ids: remap
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  legacy_id: {type: INTEGER, nullable: false, unique: true, from: id}
                  customer_id: {type: INTEGER, nullable: false, references: customers.id, onDelete: cascade, onUpdate: cascade}
                  amount: {type: INTEGER}
                  note: {type: TEXT}
                indexes:
                  orders_by_customer: [customer_id]
              tags:
                columns:
                  id: {type: INTEGER, primaryKey: true}
                  label: {type: TEXT, nullable: false, unique: true}
                  hits: {type: INTEGER}
                  weight: {type: INTEGER, nullable: false, default: 1}
                dropColumns: [color]
            """;

    /** The application's view of each table, in the old database: the rows the workload's model predicts. */
    public static final String OLD_CUSTOMERS = "SELECT id, email, name FROM customers ORDER BY id";
    public static final String OLD_ORDERS = "SELECT id, customer_id, amount, note FROM orders ORDER BY id";
    public static final String OLD_TAGS = "SELECT id, label, hits FROM tags ORDER BY id";

    /** The same view of the new database. */
    public static final String NEW_CUSTOMERS = "SELECT id, email, full_name FROM customers ORDER BY id";
    public static final String NEW_ORDERS = "SELECT legacy_id, customer_id, amount, note FROM orders ORDER BY legacy_id";
    public static final String NEW_TAGS = "SELECT id, label, hits FROM tags ORDER BY id";

    /** Every column of the new database; remapped order ids replaced by the old ones they stand for. */
    public static final String[] NEW_FULL = {
            "SELECT * FROM customers ORDER BY id",
            "SELECT legacy_id, customer_id, amount, note FROM orders ORDER BY legacy_id",
            "SELECT * FROM tags ORDER BY id"};

    /** Fills v1 with {@code customers} customers, {@code orders} orders spread over them, and 200 tags. */
    public static void fill(Db db, int customers, int orders) throws SQLException {
        db.conn.setAutoCommit(false);
        try (PreparedStatement c = db.conn.prepareStatement("INSERT INTO customers (id, email, name) VALUES (?, ?, ?)");
             PreparedStatement o = db.conn.prepareStatement(
                     "INSERT INTO orders (id, customer_id, amount, note) VALUES (?, ?, ?, ?)");
             PreparedStatement t = db.conn.prepareStatement("INSERT INTO tags (id, label, hits) VALUES (?, ?, ?)")) {
            for (int i = 1; i <= customers; i++) {
                c.setLong(1, i);
                c.setString(2, "c" + i + "@d" + (i % 7) + ".example");
                c.setString(3, "name " + i);
                c.executeUpdate();
            }
            for (int i = 1; i <= orders; i++) {
                o.setLong(1, i);
                o.setLong(2, 1 + (i * 7919L) % customers);
                o.setLong(3, i % 1000);
                o.setString(4, "note " + i);
                o.executeUpdate();
            }
            for (int i = 1; i <= 200; i++) {
                t.setLong(1, i);
                t.setString(2, "tag" + i);
                t.setLong(3, 0);
                t.executeUpdate();
            }
            db.conn.commit();
        } finally {
            db.conn.setAutoCommit(true);
        }
    }
}
