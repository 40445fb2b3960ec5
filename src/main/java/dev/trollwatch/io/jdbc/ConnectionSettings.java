package dev.trollwatch.io.jdbc;

/**
 * Where and as whom to connect. The password is never part of {@link #toString()}; the URL shown is
 * {@link JdbcUrls#redact redacted}.
 *
 * @param url      jdbc:postgresql://… or jdbc:redshift://…
 * @param user     the database user
 * @param password the password, or null (trust/peer authentication)
 */
public record ConnectionSettings(String url, String user, String password) {
    @Override
    public String toString() {
        return JdbcUrls.redact(url) + " as " + user + (password == null ? " (no password)" : " (password set)");
    }
}
