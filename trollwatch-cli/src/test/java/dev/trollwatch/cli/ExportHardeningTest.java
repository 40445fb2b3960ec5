package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.jdbc.CommentsTable;
import dev.trollwatch.io.jdbc.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code export} against hostile or unlucky surroundings: servers that never answer, secrets in the URL,
 * password files pgjdbc would read by its own rules, and query files that try to write.
 */
class ExportHardeningTest {
    private static final String TABLE = "hardening_comments";

    @TempDir
    Path dir;

    @BeforeAll
    static void load(@TempDir Path tmp) throws Exception {
        try (Connection c = TestDatabase.get().connect()) {
            CommentsTable.create(c, TABLE);
            CommentsTable.insert(c, TABLE, DumpFixtures.readAll(DumpFixtures.copy("sample.csv", tmp)));
        }
    }

    /** A port that accepts connections and then says nothing, or answers like a web server and stays open. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new ArrayList<>();
        private final Thread acceptor;

        SilentServer(boolean http) throws IOException {
            acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = server.accept();
                        synchronized (accepted) {
                            accepted.add(s);
                        }
                        if (http) {
                            OutputStream out = s.getOutputStream();
                            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>".getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    }
                } catch (IOException closed) {
                    // close() ends the loop
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql-silent", "postgresql-http", "redshift-silent", "redshift-http"})
    void aServerThatIsNotADatabaseTimesOutInsteadOfHanging(String kind) throws Exception {
        try (SilentServer server = new SilentServer(kind.endsWith("http"))) {
            String url = kind.startsWith("redshift")
                    ? "jdbc:redshift://127.0.0.1:" + server.port() + "/dev?ssl=false"
                    : "jdbc:postgresql://127.0.0.1:" + server.port() + "/db?sslmode=disable";
            Path out = dir.resolve("never.csv");
            CliRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRunner.run("export",
                    "--jdbc-url", url, "--user", "u", "--connect-timeout", "2", "--out", out.toString()));
            assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
            assertTrue(r.err().contains("could not connect to jdbc:"), r.err());
            assertFalse(r.err().contains("Exception\n\tat "), r.err());
            assertFalse(Files.exists(out));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sslpassword=hunter2", "client_secret=hunter2", "web_identity_token=hunter2",
        "webIdentityToken=hunter2", "SecretAccessKey=hunter2", "SessionToken=hunter2", "AccessKeyID=hunter2",
        "PWD=hunter2", "IdP_Token=hunter2", "plugin_credentials=hunter2"})
    void everySecretPropertyTheDriversKnowIsRefusedAndNeverPrinted(String property) {
        for (String base : List.of("jdbc:postgresql://127.0.0.1:1/db?ssl=false&", "jdbc:redshift://127.0.0.1:1/dev;")) {
            CliRunner.Result r = CliRunner.run("export", "--jdbc-url", base + property, "--out", dir.resolve("x.csv").toString());
            assertEquals(ExitCode.USAGE, r.exitCode(), property + ": " + r.err());
            assertFalse(r.err().contains("hunter2") || r.out().contains("hunter2"), r.err());
        }
    }

    @Test
    void aGroupReadablePgpassFileIsNotUsedByTheDriverEither() throws Exception {
        assumeTrue(TestDatabase.get().embedded());
        Path pgpass = Files.writeString(dir.resolve("pgpass"),
                "127.0.0.1:*:*:" + TestDatabase.SCRAM_USER + ":" + TestDatabase.PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        Path out = dir.resolve("o.csv");
        CliRunner.Result r = ProcessRunner.run(Map.of("PGPASSFILE", pgpass.toString()), List.of("PGPASSWORD"),
                "export", "--jdbc-url", TestDatabase.get().urlFor("postgres"), "--user", TestDatabase.SCRAM_USER,
                "--table", TABLE, "--out", out.toString());
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("ignoring password file " + pgpass), r.err());
        assertTrue(r.err().contains("no password was found for this user"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFourFieldLineOrAFifoAsPasswordFileFailsCleanlyWithoutHanging() throws Exception {
        assumeTrue(TestDatabase.get().embedded());
        Path fourFields = Files.writeString(dir.resolve("four"), "127.0.0.1:*:*:" + TestDatabase.SCRAM_USER + "\n");
        Files.setPosixFilePermissions(fourFields, PosixFilePermissions.fromString("rw-------"));
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        for (Path file : List.of(fourFields, fifo)) {
            CliRunner.Result r = ProcessRunner.run(Map.of("PGPASSFILE", file.toString()), List.of("PGPASSWORD"),
                    "export", "--jdbc-url", TestDatabase.get().urlFor("postgres"), "--user", TestDatabase.SCRAM_USER,
                    "--connect-timeout", "10", "--table", TABLE, "--out", dir.resolve("o.csv").toString());
            assertEquals(ExitCode.FAILURE, r.exitCode(), file + ": " + r.err());
            assertTrue(r.err().contains("no password was found for this user"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void aQueryFileWithSeveralStatementsIsRefusedBeforeAnythingRuns() throws Exception {
        Path q = Files.writeString(dir.resolve("q.sql"),
                "SELECT * FROM " + TABLE + "; COMMIT; CREATE TABLE pwned_by_export (x int);");
        CliRunner.Result r = CliRunner.run("export", "--jdbc-url", TestDatabase.get().url(), "--query-file", q.toString(),
                "--out", dir.resolve("o.csv").toString());
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("3 statements"), r.err());
        assertFalse(tableExists("pwned_by_export"));
    }

    @Test
    void aQueryThatWritesFailsInTheReadOnlyTransactionAndChangesNothing() throws Exception {
        try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS export_victim (x int)");
            s.execute("DELETE FROM export_victim");
        }
        Path q = Files.writeString(dir.resolve("w.sql"),
                "WITH w AS (INSERT INTO export_victim VALUES (1) RETURNING x) SELECT * FROM " + TABLE + ", w");
        Path out = dir.resolve("o.csv");
        CliRunner.Result r = CliRunner.run("export", "--jdbc-url", TestDatabase.get().url(), "--query-file", q.toString(),
                "--out", out.toString());
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("read-only transaction"), r.err());
        assertFalse(Files.exists(out));
        try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM export_victim")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void aQueryFileThatIsAFifoOrHugeIsAUsageError() throws Exception {
        Path fifo = dir.resolve("q.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRunner.run("export",
                "--jdbc-url", TestDatabase.get().url(), "--query-file", fifo.toString()));
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains(fifo + ": not a regular file"), r.err());
    }

    @Test
    void timeoutOptionsAreChecked() {
        CliRunner.Result zero = CliRunner.run("export", "--jdbc-url", TestDatabase.get().url(), "--connect-timeout", "0");
        assertEquals(ExitCode.USAGE, zero.exitCode(), zero.err());
        CliRunner.Result negative = CliRunner.run("export", "--jdbc-url", TestDatabase.get().url(), "--read-timeout", "-1");
        assertEquals(ExitCode.USAGE, negative.exitCode(), negative.err());
    }

    private static boolean tableExists(String name) throws Exception {
        try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('" + name + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
