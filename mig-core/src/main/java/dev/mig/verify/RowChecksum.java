package dev.mig.verify;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The SQL aggregate {@code mig_checksum(v0, v1, ...)}: the sum (mod 2^64) of a 64-bit hash of each
 * row, so the result does not depend on row order. Each value is hashed with its storage class, so
 * integer 1, real 1.0 and text '1' differ, as do -0.0 and 0.0; text and blobs are hashed as their
 * exact bytes, embedded NULs included.
 */
public final class RowChecksum extends Function.Aggregate {

    public static final String NAME = "mig_checksum";

    private static final int INTEGER = 1;
    private static final int FLOAT = 2;
    private static final int TEXT = 3;
    private static final int BLOB = 4;

    private long sum;

    /** Registers the aggregate on {@code c} (any number of arguments). */
    public static void register(Connection c) throws SQLException {
        Function.create(c, NAME, new RowChecksum(), -1, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xStep() throws SQLException {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < args(); i++) {
            h = mix(h ^ valueHash(i)) + i;
        }
        sum += mix(h);
    }

    @Override
    protected void xFinal() throws SQLException {
        result(sum);
    }

    private long valueHash(int i) throws SQLException {
        int type = value_type(i);
        switch (type) {
            case INTEGER:
                return mix(value_long(i) ^ 0x1000_0000_0000_0001L);
            case FLOAT:
                return mix(Double.doubleToRawLongBits(value_double(i)) ^ 0x2000_0000_0000_0002L);
            case TEXT:
            case BLOB:
                return bytes(value_blob(i), type);
            default:
                return 0x5000_0000_0000_0005L;
        }
    }

    private static long bytes(byte[] b, int type) {
        long h = 0xcbf29ce484222325L ^ type;
        if (b != null) {
            for (byte x : b) {
                h = (h ^ (x & 0xff)) * 0x100000001b3L;
            }
            h ^= b.length;
        }
        return mix(h);
    }

    /** splitmix64's finaliser: spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
