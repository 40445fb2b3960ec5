package dev.trollwatch.io.jdbc;

import dev.trollwatch.TrollwatchException;
import java.sql.SQLException;

/** A failed connection, query or fetch, with a message fit for the user (never the password). */
public class DatabaseException extends TrollwatchException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Describes a failure on an open connection: its loss (SQLState 08xxx, 57P0x) is said as such. */
    public static DatabaseException of(String doing, SQLException e) {
        String state = e.getSQLState();
        boolean lost = state != null && (state.startsWith("08") || state.startsWith("57P"));
        return new DatabaseException((lost ? doing + ": the database connection was lost: " : doing + ": ")
                + describe(e), e);
    }

    /** Describes a failure to connect at all (refused, unknown host, authentication). */
    public static DatabaseException connecting(String where, SQLException e) {
        return new DatabaseException("could not connect to " + where + ": " + describe(e), e);
    }

    private static String describe(SQLException e) {
        String state = e.getSQLState();
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return what + (state == null ? "" : " (SQLState " + state + ")");
    }
}
