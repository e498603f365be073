package dev.mig.verify;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The SQL aggregate {@code mig_checksum(v0, v1, ...)}: the sum (mod 2^64) of a 64-bit hash of each
 * row, so the result does not depend on row order. Each value is hashed with its storage class, so
 * integer 1, real 1.0 and text '1' differ, as do -0.0 and 0.0; text and blobs are hashed as their
 * exact bytes, embedded NULs included.
 *
 * <p>SQLite caps the arguments of one function call (SQLITE_MAX_FUNCTION_ARG, 127 in many builds), far
 * below the 2000 columns a table may have. A wider row is summed as
 * {@code mig_checksum(mig_group_hash(first GROUP values), mig_group_hash(next GROUP values), ...)}:
 * every value still counts, in its position.
 */
public final class RowChecksum extends Function.Aggregate {

    public static final String NAME = "mig_checksum";

    /** The scalar hash of one group of a wide row's values. */
    public static final String GROUP_NAME = "mig_group_hash";

    /** The most values one call of either function is given. */
    public static final int GROUP = 100;

    private static final int INTEGER = 1;
    private static final int FLOAT = 2;
    private static final int TEXT = 3;
    private static final int BLOB = 4;

    private long sum;

    /** Registers the aggregate and {@link #GROUP_NAME} on {@code c} (any number of arguments). */
    public static void register(Connection c) throws SQLException {
        Function.create(c, NAME, new RowChecksum(), -1, Function.FLAG_DETERMINISTIC);
        Function.create(c, GROUP_NAME, new GroupHash(), -1, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xStep() throws SQLException {
        sum += mix(chain(args(), this::arg));
    }

    @Override
    protected void xFinal() throws SQLException {
        result(sum);
    }

    /** {@link #GROUP_NAME}: the same chained hash as one row of the aggregate, returned as an integer. */
    private static final class GroupHash extends Function {
        @Override
        protected void xFunc() throws SQLException {
            result(chain(args(), this::arg));
        }

        private long arg(int i) throws SQLException {
            int type = value_type(i);
            return valueHash(type, type == INTEGER ? value_long(i) : 0, type == FLOAT ? value_double(i) : 0,
                    type == TEXT || type == BLOB ? value_blob(i) : null);
        }
    }

    private long arg(int i) throws SQLException {
        int type = value_type(i);
        return valueHash(type, type == INTEGER ? value_long(i) : 0, type == FLOAT ? value_double(i) : 0,
                type == TEXT || type == BLOB ? value_blob(i) : null);
    }

    /** The hash of one argument of the current call. */
    private interface ArgHash {
        long of(int i) throws SQLException;
    }

    private static final long SEED = 0x9E3779B97F4A7C15L;

    /** Chains the hashes of arguments 0..n-1: the same values in another order or position differ. */
    private static long chain(int n, ArgHash arg) throws SQLException {
        long h = SEED;
        for (int i = 0; i < n; i++) {
            h = mix(h ^ arg.of(i)) + i;
        }
        return h;
    }

    /** A value hashed with its storage class: integer 1, real 1.0 and text '1' differ. */
    private static long valueHash(int type, long integer, double real, byte[] bytes) {
        return switch (type) {
            case INTEGER -> mix(integer ^ 0x1000_0000_0000_0001L);
            case FLOAT -> mix(Double.doubleToRawLongBits(real) ^ 0x2000_0000_0000_0002L);
            case TEXT, BLOB -> bytes(bytes, type);
            default -> 0x5000_0000_0000_0005L;
        };
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
