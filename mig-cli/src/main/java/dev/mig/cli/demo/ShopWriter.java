package dev.mig.cli.demo;

import dev.mig.app.MigDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The demo's application: a thread with its own connection that keeps inserting, updating and deleting
 * in the v1 database (orders with lines, status changes, renames, price changes, new customers, deletes
 * that cascade), and remembers what every write it saw succeed should leave behind.
 */
final class ShopWriter implements Runnable {

    private final Path database;
    private final Random random;
    private final AtomicBoolean stop = new AtomicBoolean();
    private Thread thread;

    final Map<Long, String> orderStatus = new HashMap<>();
    final Set<Long> deletedOrders = new HashSet<>();
    final Map<Long, String> customerNames = new HashMap<>();
    final Map<String, Integer> productPrices = new HashMap<>();
    final Set<String> newCustomerEmails = new HashSet<>();
    long succeeded;
    long rejected;
    final List<String> unexpected = new ArrayList<>();

    ShopWriter(Path database, long seed) {
        this.database = database;
        this.random = new Random(seed);
    }

    void start() {
        thread = new Thread(this, "demo-writer");
        thread.start();
    }

    void stopAndJoin() throws InterruptedException {
        stop.set(true);
        thread.join();
    }

    @Override
    public void run() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA busy_timeout = 5000");
            }
            while (!stop.get()) {
                try {
                    write(c);
                    succeeded++;
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    if (MigDatabase.isDrainingRejection(e)) {
                        rejected++;
                    } else {
                        unexpected.add(e.getMessage());
                    }
                }
                Thread.sleep(2);
            }
        } catch (SQLException e) {
            unexpected.add(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Connection c) throws SQLException {
        int op = random.nextInt(100);
        if (op < 30) {
            insertOrder(c);
        } else if (op < 50) {
            long id = 1 + random.nextInt(ShopData.ORDERS);
            String status = new String[] {"paid", "shipped", "cancelled"}[random.nextInt(3)];
            if (update(c, "UPDATE orders SET status = ? WHERE id = ?", status, id) == 1) {
                orderStatus.put(id, status);
            }
        } else if (op < 65) {
            long id = 1 + random.nextInt(ShopData.CUSTOMERS);
            String name = "Renamed " + random.nextInt(1_000_000);
            if (update(c, "UPDATE customers SET name = ? WHERE id = ?", name, id) == 1) {
                customerNames.put(id, name);
            }
        } else if (op < 75) {
            long id = 1 + random.nextInt(ShopData.ORDERS);
            if (update(c, "DELETE FROM orders WHERE id = ?", id) == 1) {
                deletedOrders.add(id);
                orderStatus.remove(id);
            }
        } else if (op < 90) {
            String sku = "SKU-" + (1000 + random.nextInt(ShopData.PRODUCTS));
            int price = 100 + random.nextInt(20_000);
            if (update(c, "UPDATE products SET price_cents = ? WHERE sku = ?", price, sku) == 1) {
                productPrices.put(sku, price);
            }
        } else {
            String email = "new" + System.nanoTime() + "@example.com";
            update(c, "INSERT INTO customers (name, email) VALUES ('New customer', ?)", email);
            newCustomerEmails.add(email);
        }
    }

    /** A new order with one to three lines, in one transaction. */
    private void insertOrder(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            update(c, "INSERT INTO orders (customer_id, status, placed_at) VALUES (?, 'new', datetime('now'))",
                    1 + random.nextInt(ShopData.CUSTOMERS));
            long order = ShopData.lastId(c);
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                update(c, "INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) "
                        + "VALUES (?, ?, ?, ?)", order, 1 + random.nextInt(ShopData.PRODUCTS), 1 + random.nextInt(4), 999);
            }
            s.execute("COMMIT");
            orderStatus.put(order, "new");
            deletedOrders.remove(order);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** A statement that failed inside BEGIN ... COMMIT leaves the transaction open: end it. */
    private static void rollbackQuietly(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException noTransaction) {
            // The failed write was an autocommit statement: nothing is open.
        }
    }

    /** Everything the writer saw succeed, checked in the new database; returns what is missing or wrong. */
    List<String> missingIn(Connection n) throws SQLException {
        List<String> wrong = new ArrayList<>();
        for (var e : orderStatus.entrySet()) {
            String got = one(n, "SELECT status FROM orders WHERE id = ?", e.getKey());
            if (!e.getValue().equals(got)) {
                wrong.add("order " + e.getKey() + ": expected status " + e.getValue() + ", found " + got);
            }
        }
        for (long id : deletedOrders) {
            if (one(n, "SELECT id FROM orders WHERE id = ?", id) != null) {
                wrong.add("order " + id + " was deleted but is still there");
            }
        }
        for (var e : customerNames.entrySet()) {
            String got = one(n, "SELECT name FROM customers WHERE id = ?", e.getKey());
            if (!e.getValue().equals(got)) {
                wrong.add("customer " + e.getKey() + ": expected name " + e.getValue() + ", found " + got);
            }
        }
        for (var e : productPrices.entrySet()) {
            String got = one(n, "SELECT price_cents FROM products WHERE sku = ?", e.getKey());
            if (!String.valueOf(e.getValue()).equals(got)) {
                wrong.add("product " + e.getKey() + ": expected price " + e.getValue() + ", found " + got);
            }
        }
        for (String email : newCustomerEmails) {
            if (one(n, "SELECT id FROM customers WHERE email = ?", email) == null) {
                wrong.add("new customer " + email + " is missing");
            }
        }
        return wrong;
    }

    private static String one(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
