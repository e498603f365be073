package dev.mig.bench;

import dev.mig.sql.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An application's writes to the bench database, as the application would make them: its own
 * read-write connection (foreign keys on, WAL, {@code synchronous = NORMAL}), prepared statements,
 * and a deterministic mix of order updates, review inserts and deletes, and user updates (users has
 * a UNIQUE column, so capture's BEFORE triggers run too). Tables and columns used exist unchanged in v2,
 * so the same writes work on the new database after cutover.
 */
final class AppWrites implements AutoCloseable {

    private final Connection c;
    private final BenchData.Sizes n;
    private final PreparedStatement updateOrder;
    private final PreparedStatement insertReview;
    private final PreparedStatement deleteReview;
    private final PreparedStatement updateUser;
    private long next;

    AppWrites(Path file, BenchData.Sizes n) throws SQLException {
        this.c = SqliteFiles.openReadWrite(file);
        this.n = n;
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous = NORMAL");
        }
        updateOrder = c.prepareStatement("UPDATE orders SET status = ?, note = ? WHERE id = ?");
        insertReview = c.prepareStatement("INSERT INTO reviews (user_id, sku, rating, body) VALUES (?, ?, ?, ?)");
        deleteReview = c.prepareStatement("DELETE FROM reviews WHERE id = ?");
        updateUser = c.prepareStatement("UPDATE users SET bio = ? WHERE id = ?");
    }

    Connection connection() {
        return c;
    }

    /** Write number {@code i} of the mix: 40% order updates, 30% review inserts, 10% deletes, 20% user updates. */
    void write(long i) throws SQLException {
        next = next * 6364136223846793005L + 1442695040888963407L + i;
        long r = (next >>> 17) & Long.MAX_VALUE;
        switch ((int) (i % 10)) {
            case 0, 1, 2, 3 -> {
                updateOrder.setString(1, (i & 1) == 0 ? "paid" : "shipped");
                updateOrder.setString(2, "note " + i);
                updateOrder.setLong(3, 1 + r % n.orders());
                updateOrder.executeUpdate();
            }
            case 4, 5, 6 -> {
                insertReview.setLong(1, 1 + r % n.users());
                insertReview.setString(2, String.format("SKU-%08d", 1 + r % n.products()));
                insertReview.setLong(3, 1 + i % 5);
                insertReview.setString(4, "Review " + i + " of a product that was fine.");
                insertReview.executeUpdate();
            }
            case 7 -> {
                deleteReview.setLong(1, 1 + r % n.reviews());
                deleteReview.executeUpdate();
            }
            default -> {
                updateUser.setString(1, "bio " + i);
                updateUser.setLong(2, 1 + r % n.users());
                updateUser.executeUpdate();
            }
        }
    }

    void begin() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    void commit() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("COMMIT");
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
