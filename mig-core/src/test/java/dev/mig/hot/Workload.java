package dev.mig.hot;

import dev.mig.capture.Capture;
import java.sql.Connection;
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
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An application writing the shop's v1 database: inserts, updates, primary-key changes (cascading to
 * orders), deletes (cascading), INSERT OR REPLACE on UNIQUE columns and a multi-statement transaction
 * that swaps two UNIQUE values. It keeps a model of what the database must hold after every write it saw
 * succeed, and applies nothing for a write that failed. Single-threaded; {@link #stop()} from elsewhere.
 */
public final class Workload {

    public record Order(long customerId, long amount, String note) {
    }

    public record Tag(String label, long hits) {
    }

    private final Connection conn;
    private final Random rnd;
    private final long pauseNanos;

    private final TreeMap<Long, String[]> customers = new TreeMap<>(); // id -> {email, name}
    private final Map<String, Long> emailOwner = new HashMap<>();
    private final TreeMap<Long, Order> orders = new TreeMap<>();
    private final Map<Long, Set<Long>> ordersOf = new HashMap<>();
    private final TreeMap<Long, Tag> tags = new TreeMap<>();
    private final Map<String, Long> labelOwner = new HashMap<>();
    private final Keys customerKeys = new Keys();
    private final Keys orderKeys = new Keys();
    private final Keys tagKeys = new Keys();
    private long nextId = 10_000_000;

    public final AtomicLong ops = new AtomicLong();
    public final AtomicLong rejected = new AtomicLong();
    public final List<String> errors = new ArrayList<>();
    public volatile long maxLatencyMs;
    private final AtomicBoolean stop = new AtomicBoolean();

    /** Reads the current content of the database into the model; nothing may write it but this workload. */
    public Workload(Connection conn, long seed, long pauseNanos) throws SQLException {
        this.conn = conn;
        this.rnd = new Random(seed);
        this.pauseNanos = pauseNanos;
        try (Statement s = conn.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, email, name FROM customers")) {
                while (rs.next()) {
                    putCustomer(rs.getLong(1), rs.getString(2), rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id, customer_id, amount, note FROM orders")) {
                while (rs.next()) {
                    putOrder(rs.getLong(1), new Order(rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id, label, hits FROM tags")) {
                while (rs.next()) {
                    putTag(rs.getLong(1), new Tag(rs.getString(2), rs.getLong(3)));
                }
            }
            // A second workload on a database an earlier one wrote must not reuse its ids.
            try (ResultSet rs = s.executeQuery("SELECT max(coalesce((SELECT max(id) FROM customers), 0), "
                    + "coalesce((SELECT max(id) FROM orders), 0), coalesce((SELECT max(id) FROM tags), 0))")) {
                nextId = Math.max(nextId, rs.getLong(1) + 1);
            }
        }
    }

    public void stop() {
        stop.set(true);
    }

    /** Writes until stopped, or until {@code maxRejections} writes were rejected as draining. */
    public void run(long maxRejections) {
        while (!stop.get() && rejected.get() < maxRejections) {
            step();
            if (pauseNanos > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(pauseNanos);
            }
        }
    }

    /** Waits (bounded) until {@code n} more writes have been attempted than now. */
    public void awaitMoreOps(long n) {
        long target = ops.get() + n;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (ops.get() < target && !stop.get() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    public void awaitRejection() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (rejected.get() == 0 && !stop.get() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /** One random write, timed; applied to the model only if the database accepted it. */
    public void step() {
        long t0 = System.nanoTime();
        try {
            Runnable apply = write();
            if (apply != null) {
                apply.run();
            }
        } catch (SQLException e) {
            if (Capture.isDrainingRejection(e)) {
                rejected.incrementAndGet();
            } else {
                synchronized (errors) {
                    errors.add(e.getMessage());
                }
            }
        } finally {
            maxLatencyMs = Math.max(maxLatencyMs, (System.nanoTime() - t0) / 1_000_000);
            ops.incrementAndGet();
        }
    }

    /** Performs one write; returns what it does to the model (null: nothing to apply). */
    private Runnable write() throws SQLException {
        int kind = rnd.nextInt(100);
        if (customerKeys.isEmpty() || kind < 8) {
            long id = nextId++;
            String email = "n" + id + "@w" + (id % 5) + ".example";
            String name = "new " + id;
            update("INSERT INTO customers (id, email, name) VALUES (?, ?, ?)", id, email, name);
            return () -> putCustomer(id, email, name);
        }
        long c = customerKeys.pick(rnd);
        if (kind < 14) {
            String name = "renamed " + rnd.nextInt(1_000_000);
            update("UPDATE customers SET name = ? WHERE id = ?", name, c);
            return () -> customers.get(c)[1] = name;
        }
        if (kind < 18) {
            long to = nextId++;
            update("UPDATE customers SET id = ? WHERE id = ?", to, c); // orders follow: ON UPDATE CASCADE
            return () -> moveCustomer(c, to);
        }
        if (kind < 21) {
            update("DELETE FROM customers WHERE id = ?", c); // orders go too: ON DELETE CASCADE
            return () -> removeCustomer(c);
        }
        if (kind < 24) {
            long id = nextId++;
            String email = customers.get(c)[0];
            // REPLACE deletes the holder of the email (and, through the foreign key, its orders).
            update("INSERT OR REPLACE INTO customers (id, email, name) VALUES (?, ?, ?)", id, email, "replacer");
            return () -> {
                removeCustomer(c);
                putCustomer(id, email, "replacer");
            };
        }
        if (kind < 27 && customerKeys.size() > 1) {
            return swapEmails(c, customerKeys.pick(rnd));
        }
        if (kind < 45 || orderKeys.isEmpty()) {
            long id = nextId++;
            Order o = new Order(c, rnd.nextInt(1000), "ordered " + id);
            update("INSERT INTO orders (id, customer_id, amount, note) VALUES (?, ?, ?, ?)", id, o.customerId(),
                    o.amount(), o.note());
            return () -> putOrder(id, o);
        }
        long o = orderKeys.pick(rnd);
        if (kind < 60) {
            long amount = rnd.nextInt(1000);
            update("UPDATE orders SET amount = ?, note = 'changed' WHERE id = ?", amount, o);
            return () -> putOrder(o, new Order(orders.get(o).customerId(), amount, "changed"));
        }
        if (kind < 66) {
            long to = nextId++;
            update("UPDATE orders SET id = ? WHERE id = ?", to, o);
            return () -> {
                Order old = orders.get(o);
                removeOrder(o);
                putOrder(to, old);
            };
        }
        if (kind < 72) {
            update("DELETE FROM orders WHERE id = ?", o);
            return () -> removeOrder(o);
        }
        if (kind < 75) {
            update("UPDATE orders SET amount = amount + 1 WHERE customer_id = ?", c);
            return () -> new ArrayList<>(ordersOf.getOrDefault(c, Set.of())).forEach(id -> {
                Order old = orders.get(id);
                putOrder(id, new Order(old.customerId(), old.amount() + 1, old.note()));
            });
        }
        return tagWrite(kind);
    }

    private Runnable tagWrite(int kind) throws SQLException {
        if (tagKeys.isEmpty() || kind < 85) {
            boolean existingLabel = !tagKeys.isEmpty() && rnd.nextBoolean();
            long id = existingLabel && rnd.nextBoolean() ? tagKeys.pick(rnd) : nextId++;
            String label = existingLabel ? tags.get(tagKeys.pick(rnd)).label() : "label" + nextId++;
            // Conflicts on the id, the label, or both: REPLACE deletes every row in the way.
            update("INSERT OR REPLACE INTO tags (id, label, hits) VALUES (?, ?, 0)", id, label);
            return () -> {
                removeTag(id);
                Long holder = labelOwner.get(label);
                if (holder != null) {
                    removeTag(holder);
                }
                putTag(id, new Tag(label, 0));
            };
        }
        long t = tagKeys.pick(rnd);
        update("UPDATE tags SET hits = hits + 1 WHERE id = ?", t);
        return () -> putTag(t, new Tag(tags.get(t).label(), tags.get(t).hits() + 1));
    }

    /** Two customers exchange emails: three statements in one transaction, through a temporary value. */
    private Runnable swapEmails(long a, long b) throws SQLException {
        if (a == b) {
            return null;
        }
        String ea = customers.get(a)[0];
        String eb = customers.get(b)[0];
        conn.setAutoCommit(false);
        try {
            update("UPDATE customers SET email = ? WHERE id = ?", "swap-" + a, a);
            update("UPDATE customers SET email = ? WHERE id = ?", ea, b);
            update("UPDATE customers SET email = ? WHERE id = ?", eb, a);
            conn.commit();
        } catch (SQLException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
        return () -> {
            customers.get(a)[0] = eb;
            customers.get(b)[0] = ea;
            emailOwner.put(eb, a);
            emailOwner.put(ea, b);
        };
    }

    private void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    // --- the model -------------------------------------------------------------------------------

    private void putCustomer(long id, String email, String name) {
        customers.put(id, new String[] {email, name});
        emailOwner.put(email, id);
        customerKeys.add(id);
    }

    private void removeCustomer(long id) {
        String[] c = customers.remove(id);
        emailOwner.remove(c[0]);
        customerKeys.remove(id);
        for (long o : new ArrayList<>(ordersOf.getOrDefault(id, Set.of()))) {
            removeOrder(o);
        }
    }

    private void moveCustomer(long from, long to) {
        String[] c = customers.get(from);
        List<Long> its = new ArrayList<>(ordersOf.getOrDefault(from, Set.of()));
        customers.remove(from);
        customerKeys.remove(from);
        putCustomer(to, c[0], c[1]);
        for (long o : its) {
            Order old = orders.get(o);
            putOrder(o, new Order(to, old.amount(), old.note()));
        }
    }

    private void putOrder(long id, Order o) {
        Order old = orders.put(id, o);
        if (old != null) {
            ordersOf.get(old.customerId()).remove(id);
        }
        ordersOf.computeIfAbsent(o.customerId(), k -> new HashSet<>()).add(id);
        orderKeys.add(id);
    }

    private void removeOrder(long id) {
        Order o = orders.remove(id);
        ordersOf.get(o.customerId()).remove(id);
        orderKeys.remove(id);
    }

    private void putTag(long id, Tag t) {
        Tag old = tags.put(id, t);
        if (old != null) {
            labelOwner.remove(old.label());
        }
        labelOwner.put(t.label(), id);
        tagKeys.add(id);
    }

    private void removeTag(long id) {
        Tag t = tags.remove(id);
        if (t != null) {
            labelOwner.remove(t.label());
            tagKeys.remove(id);
        }
    }

    /** The rows of {@link Shop#OLD_CUSTOMERS} (and the new database's equivalent) as the model predicts. */
    public List<String> expectedCustomers() {
        List<String> out = new ArrayList<>();
        customers.forEach((id, c) -> out.add(id + "|" + c[0] + "|" + c[1]));
        return out;
    }

    public List<String> expectedOrders() {
        List<String> out = new ArrayList<>();
        orders.forEach((id, o) -> out.add(id + "|" + o.customerId() + "|" + o.amount() + "|" + o.note()));
        return out;
    }

    public List<String> expectedTags() {
        List<String> out = new ArrayList<>();
        tags.forEach((id, t) -> out.add(id + "|" + t.label() + "|" + t.hits()));
        return out;
    }

    /** A set of keys with O(1) random choice. */
    private static final class Keys {
        private final List<Long> list = new ArrayList<>();
        private final Map<Long, Integer> index = new HashMap<>();

        void add(long k) {
            if (!index.containsKey(k)) {
                index.put(k, list.size());
                list.add(k);
            }
        }

        void remove(long k) {
            Integer i = index.remove(k);
            if (i == null) {
                return;
            }
            long last = list.remove(list.size() - 1);
            if (i < list.size()) {
                list.set(i, last);
                index.put(last, i);
            }
        }

        long pick(Random rnd) {
            return list.get(rnd.nextInt(list.size()));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        int size() {
            return list.size();
        }
    }
}
