package dev.mig.sql;

/** SQL text that cannot be tokenized or parsed; callers turn it into a user-facing message with context. */
public class SqlSyntaxException extends RuntimeException {
    public SqlSyntaxException(String message) {
        super(message);
    }
}
