package dev.trollwatch.io.jdbc;

import java.time.Duration;

/**
 * Where and as whom to connect, and how long to wait. The password is never part of
 * {@link #toString()}; the URL shown is {@link JdbcUrls#redact redacted}.
 *
 * @param url            jdbc:postgresql://… or jdbc:redshift://…
 * @param user           the database user
 * @param password       the password, or null (trust/peer authentication)
 * @param connectTimeout the longest wait to connect and log in (never zero: a silent port must not hang export)
 * @param readTimeout    the longest wait for any answer of the server once connected; zero = no limit
 */
public record ConnectionSettings(String url, String user, String password, Duration connectTimeout,
                                 Duration readTimeout) {
    /** Default wait to connect and log in. */
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Default wait for any answer once connected: long enough for a slow first row of a big scan. */
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(10);

    /** Settings with the default timeouts. */
    public ConnectionSettings(String url, String user, String password) {
        this(url, user, password, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public ConnectionSettings {
        if (connectTimeout.isZero() || connectTimeout.isNegative() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("the connect timeout must be positive and the read timeout not negative");
        }
    }

    @Override
    public String toString() {
        return JdbcUrls.redact(url) + " as " + user + (password == null ? " (no password)" : " (password set)");
    }
}
