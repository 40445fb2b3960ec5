package dev.trollwatch.io.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL for the whole test run: an embedded PostgreSQL 14 (io.zonky), started on first use,
 * or the server named by env {@code TROLLWATCH_TEST_JDBC_URL} (then tests that need their own users and
 * pg_hba rules are skipped). The embedded server trusts local connections except for two users:
 * {@code tw_scram} (SCRAM password) and {@code tw_md5} (md5 password, what the Redshift driver can do).
 */
public final class TestDatabase {
    public static final String SCRAM_USER = "tw_scram";
    public static final String MD5_USER = "tw_md5";
    public static final String PASSWORD = "s3cr3t-Pa55-never-logged";

    private static TestDatabase instance;

    private final EmbeddedPostgres embedded;
    private final String url;

    private TestDatabase(EmbeddedPostgres embedded, String url) {
        this.embedded = embedded;
        this.url = url;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            String external = System.getenv("TROLLWATCH_TEST_JDBC_URL");
            instance = external != null && !external.isBlank() ? new TestDatabase(null, external) : startEmbedded();
        }
        return instance;
    }

    private static TestDatabase startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                    .start();
            TestDatabase db = new TestDatabase(pg, "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?user=postgres");
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SET password_encryption = 'scram-sha-256'");
                s.execute("CREATE ROLE " + SCRAM_USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
                s.execute("SET password_encryption = 'md5'");
                s.execute("CREATE ROLE " + MD5_USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
            }
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), String.join("\n",
                    "host all " + SCRAM_USER + " 127.0.0.1/32 scram-sha-256",
                    "host all " + MD5_USER + " 127.0.0.1/32 md5",
                    "host all all 127.0.0.1/32 trust",
                    "host all all ::1/128 trust",
                    "local all all trust", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True for the embedded server (own users and auth rules available). */
    public boolean embedded() {
        return embedded != null;
    }

    /** A URL with trust authentication (user in the URL, no password). */
    public String url() {
        return url;
    }

    public int port() {
        return embedded.getPort();
    }

    /** The URL for a password user (no credentials in it). */
    public String urlFor(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }
}
