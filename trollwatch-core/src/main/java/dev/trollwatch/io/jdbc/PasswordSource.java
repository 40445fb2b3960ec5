package dev.trollwatch.io.jdbc;

import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where export's database password comes from — never the command line: the environment variable the
 * user names (default {@code PGPASSWORD}), else the libpq password file ({@code $PGPASSFILE} or
 * {@code ~/.pgpass}), else none (trust authentication). Only the source is logged, never the value.
 */
public final class PasswordSource {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordSource.class);

    private PasswordSource() {
    }

    /**
     * @param url    the JDBC URL (host, port and database pick the ~/.pgpass line)
     * @param user   the database user
     * @param envVar the environment variable to read first
     * @param env    environment lookup ({@code System::getenv})
     * @return the password, or null when no source has one
     */
    public static String resolve(String url, String user, String envVar, UnaryOperator<String> env) throws IOException {
        String fromEnv = env.apply(envVar);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            LOG.debug("database password: from ${}", envVar);
            return fromEnv;
        }
        JdbcUrls.Endpoint e = JdbcUrls.endpoint(url);
        String database = e.database() != null ? e.database() : user;
        java.nio.file.Path file = PgPass.defaultFile(env.apply("PGPASSFILE"), env.apply("HOME"));
        Optional<String> fromFile = PgPass.lookup(file, e.host(), e.port(), database, user);
        if (fromFile.isPresent()) {
            LOG.debug("database password: from {}", file);
            return fromFile.get();
        }
        LOG.debug("database password: none (${} unset, no matching line in {})", envVar, file);
        return null;
    }

    /** The user: as given, else the URL's {@code user} property, else {@code $PGUSER}, else the OS user. */
    public static String user(String given, String url, UnaryOperator<String> env) {
        if (given != null && !given.isEmpty()) {
            return given;
        }
        String fromUrl = JdbcUrls.property(url, "user");
        if (fromUrl != null && !fromUrl.isEmpty()) {
            return fromUrl;
        }
        String pgUser = env.apply("PGUSER");
        return pgUser != null && !pgUser.isEmpty() ? pgUser : System.getProperty("user.name");
    }
}
