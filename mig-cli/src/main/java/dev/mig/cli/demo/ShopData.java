package dev.mig.cli.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/** Fills the v1 shop database with thousands of realistic, FK-linked rows (seeded: the same every run). */
final class ShopData {

    static final int CUSTOMERS = 2_000;
    static final int PRODUCTS = 200;
    static final int ORDERS = 8_000;
    static final int LINES_PER_ORDER = 3;

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Ken", "Dennis",
            "Frances", "John", "Margaret", "Niklaus", "Radia", "Tim", "Leslie", "Shafi"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Thompson",
            "Ritchie", "Allen", "Backus", "Hamilton", "Wirth", "Perlman", "Berners-Lee", "Lamport", "Goldwasser"};
    private static final String[] STATUS = {"new", "paid", "shipped", "cancelled"};

    private ShopData() {
    }

    /** Adds customers, products, orders and order lines after the rows v1.sql already has. */
    static void fill(Connection c, long seed) throws SQLException {
        Random r = new Random(seed);
        c.setAutoCommit(false);
        try (PreparedStatement cust = c.prepareStatement(
                "INSERT INTO customers (name, email, fax, created_at) VALUES (?, ?, ?, ?)");
             PreparedStatement prod = c.prepareStatement(
                     "INSERT INTO products (sku, title, price_cents) VALUES (?, ?, ?)");
             PreparedStatement ord = c.prepareStatement(
                     "INSERT INTO orders (customer_id, status, placed_at) VALUES (?, ?, ?)");
             PreparedStatement line = c.prepareStatement("INSERT INTO order_items (order_id, product_id, quantity, "
                     + "unit_price_cents) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < CUSTOMERS; i++) {
                String name = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
                cust.setString(1, name);
                cust.setString(2, "customer" + i + "@example.com");
                cust.setString(3, r.nextInt(10) == 0 ? "+1 555 " + (1000 + r.nextInt(9000)) : null);
                cust.setString(4, date(r));
                cust.addBatch();
            }
            cust.executeBatch();
            for (int i = 0; i < PRODUCTS; i++) {
                prod.setString(1, "SKU-" + (1000 + i));
                prod.setString(2, "Product " + (1000 + i));
                prod.setInt(3, 100 + r.nextInt(20_000));
                prod.addBatch();
            }
            prod.executeBatch();
            int customers = count(c, "customers");
            int products = count(c, "products");
            for (int i = 0; i < ORDERS; i++) {
                ord.setInt(1, 1 + r.nextInt(customers));
                ord.setString(2, STATUS[r.nextInt(STATUS.length)]);
                ord.setString(3, date(r));
                ord.executeUpdate();
                long order = lastId(c);
                for (int l = 0; l < LINES_PER_ORDER; l++) {
                    line.setLong(1, order);
                    line.setInt(2, 1 + r.nextInt(products));
                    line.setInt(3, 1 + r.nextInt(5));
                    line.setInt(4, 100 + r.nextInt(20_000));
                    line.addBatch();
                }
            }
            line.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static long lastId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String date(Random r) {
        return String.format("2025-%02d-%02d %02d:%02d:00", 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24),
                r.nextInt(60));
    }
}
