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

    /**
     * Describes a failure to connect at all (refused, unknown host, time-out, authentication). When no
     * password had been found, an authentication failure says so: the driver only sees an empty one.
     */
    public static DatabaseException connecting(String where, boolean passwordFound, SQLException e) {
        String state = e.getSQLState();
        boolean authentication = state != null && (state.startsWith("28") || state.equals("08004"));
        return new DatabaseException("could not connect to " + where + ": " + describe(e)
                + (authentication && !passwordFound ? "; no password was found for this user (environment"
                        + " variable unset or empty, no usable line in the password file)" : ""), e);
    }

    private static String describe(SQLException e) {
        String state = e.getSQLState();
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return what + (timedOut(e) ? " (no answer from the server within the read timeout)" : "")
                + (state == null ? "" : " (SQLState " + state + ")");
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
