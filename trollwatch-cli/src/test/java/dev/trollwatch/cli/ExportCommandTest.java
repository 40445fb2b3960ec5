package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.dump.InputFormat;
import dev.trollwatch.io.jdbc.CommentsTable;
import dev.trollwatch.io.jdbc.RedshiftStartupProxy;
import dev.trollwatch.io.jdbc.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trollwatch export} against a real PostgreSQL (embedded, or TROLLWATCH_TEST_JDBC_URL). */
class ExportCommandTest {
    private static final String TABLE = "export_test_comments";
    private static List<Comment> loaded;

    @TempDir
    Path dir;

    @BeforeAll
    static void load(@TempDir Path tmp) throws Exception {
        loaded = new ArrayList<>();
        loaded.addAll(DumpFixtures.readAll(DumpFixtures.copy("sample.csv", tmp)));
        loaded.addAll(DumpFixtures.readAll(DumpFixtures.copy("parity-sample.csv.gz", tmp)));
        try (Connection c = TestDatabase.get().connect()) {
            CommentsTable.create(c, TABLE);
            CommentsTable.insert(c, TABLE, loaded);
        }
    }

    static List<Comment> sorted(List<Comment> rows) {
        List<Comment> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(c -> Arrays.deepToString(CommentsTable.values(c))));
        return out;
    }

    /** The clean CSV writes a NULL recent_comments as [] (the same meaning: no history). */
    static List<Comment> asExported(List<Comment> rows) {
        return rows.stream().map(c -> c.recentCommentsJson() != null ? c : new Comment(c.bannedBy(), c.noFollow(),
                c.linkId(), c.gilded(), c.author(), c.authorVerified(), c.authorCommentKarma(), c.authorLinkKarma(),
                c.numComments(), c.createdUtc(), c.score(), c.over18(), c.body(), c.downs(), c.isSubmitter(),
                c.numReports(), c.controversiality(), c.quarantine(), c.ups(), c.isBot(), c.isTroll(), "[]",
                c.recentComments(), c.isTraining())).toList();
    }

    private static void assertSameRows(List<Comment> want, List<Comment> got) {
        List<Comment> w = sorted(asExported(want));
        List<Comment> g = sorted(got);
        assertEquals(w.size(), g.size());
        for (int i = 0; i < w.size(); i++) {
            Object[] a = CommentsTable.values(w.get(i));
            Object[] b = CommentsTable.values(g.get(i));
            for (int k = 0; k < a.length; k++) {
                assertEquals(a[k], b[k], "row " + i + " column " + k);
            }
        }
    }

    private boolean noFilesLeftIn(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void databaseExportWritesCleanCsvThatReadsBackFieldByField() throws Exception {
        Path out = dir.resolve("clean.csv.gz");
        CliRunner.Result r = CliRunner.run("export", "--jdbc-url", TestDatabase.get().url(), "--table", TABLE,
                "--fetch-size", "50", "--out", out.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("export: " + String.format(java.util.Locale.ROOT, "%,d", loaded.size()) + " rows"),
                r.err());
        try (CommentReader back = DumpFixtures.open(out, null, ErrorPolicy.FAIL)) {
            assertEquals(InputFormat.CSV, back.format());
        }
        assertSameRows(loaded, DumpFixtures.readAll(out));
    }

    @Test
    void filtersAreAppliedAndCsvGoesToStdoutWithoutOut() throws Exception {
        CliRunner.Result r = CliRunner.run("export", "--jdbc-url", TestDatabase.get().url(), "--table", TABLE,
                "--since", "2019-02-15T06:49:50Z", "--until", "1550213393", "--limit", "100");
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        Path f = Files.writeString(dir.resolve("stdout.csv"), r.out());
        List<Comment> rows = DumpFixtures.readAll(f);
        long expected = loaded.stream().filter(c -> c.createdUtc() >= 1550213390.0 && c.createdUtc() < 1550213393.0).count();
        assertEquals(expected, rows.size());
        assertTrue(expected > 0);
    }

    @Test
    void queryFileIsExported() throws Exception {
        Path q = Files.writeString(dir.resolve("bots.sql"), "-- the bots\nselect * from " + TABLE + " where is_bot;\n");
        Path out = dir.resolve("bots.csv");
        CliRunner.Result r = CliRunner.run("export", "--jdbc-url", TestDatabase.get().url(), "--query-file", q.toString(),
                "--out", out.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertEquals(loaded.stream().filter(c -> Boolean.TRUE.equals(c.isBot())).count(), DumpFixtures.readAll(out).size());
    }

    @Test
    void injectedTableNameIsRefusedAsUsageError() throws Exception {
        Path out = dir.resolve("x.csv");
        CliRunner.Result r = CliRunner.run("export", "--jdbc-url", TestDatabase.get().url(),
                "--table", "reddit_comments; drop table x", "--out", out.toString());
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("invalid table name 'reddit_comments; drop table x'"), r.err());
        assertFalse(Files.exists(out));
        try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + TABLE)) {
            rs.next();
            assertEquals(loaded.size(), rs.getInt(1));
        }
    }

    @Test
    void aFetchSizeTheDriverWouldHoldInMemoryIsRefused() {
        CliRunner.Result r = CliRunner.run("export", "--jdbc-url", TestDatabase.get().url(), "--fetch-size", "2000000000",
                "--out", dir.resolve("f.csv").toString());
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("--fetch-size must be 1..10000, got 2000000000"), r.err());
        assertFalse(Files.exists(dir.resolve("f.csv")));
    }

    @Test
    void passwordInTheUrlIsRefused() {
        CliRunner.Result r = CliRunner.run("export", "--jdbc-url", TestDatabase.get().url() + "&password=hunter2",
                "--out", dir.resolve("x.csv").toString());
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertFalse(r.err().contains("hunter2"), r.err());
    }

    @Test
    void refusedConnectionIsReportedAsSuchWithExitOne() throws Exception {
        Path out = dir.resolve("none.csv");
        CliRunner.Result r = CliRunner.run("export", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/db", "--user", "u",
                "--out", out.toString());
        assertEquals(ExitCode.FAILURE, r.exitCode());
        assertTrue(r.err().contains("trollwatch: error: could not connect to jdbc:postgresql://127.0.0.1:1/db as u: "
                + "Connection to 127.0.0.1:1 refused"), r.err());
        assertFalse(r.err().contains("lost"), r.err());
        assertTrue(noFilesLeftIn(dir));
    }

    @Test
    void missingTableFailsWithAClearMessageAndNoFile() throws Exception {
        Path out = dir.resolve("none.csv");
        CliRunner.Result r = CliRunner.run("export", "--jdbc-url", TestDatabase.get().url(), "--table", "no_such_table",
                "--out", out.toString());
        assertEquals(ExitCode.FAILURE, r.exitCode());
        assertTrue(r.err().contains("trollwatch: error: query failed: ERROR: relation \"no_such_table\" does not exist"),
                r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(noFilesLeftIn(dir));
    }

    @Test
    void connectionKilledMidExportExitsOneAndLeavesNoFile() throws Exception {
        try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS kill_test");
            s.execute("CREATE TABLE kill_test AS SELECT " + TABLE + ".*, g AS seq FROM "
                    + "(SELECT * FROM " + TABLE + " LIMIT 1) " + TABLE + ", generate_series(1, 20000) g");
            // a row gate: the export's backend blocks at row 500 while this test holds advisory lock 4242
            s.execute("CREATE OR REPLACE FUNCTION tw_gate(n bigint) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$"
                    + " BEGIN IF n = 500 THEN PERFORM pg_advisory_lock(4242); PERFORM pg_advisory_unlock(4242); END IF;"
                    + " RETURN true; END $$");
        }
        Path q = Files.writeString(dir.resolve("gated.sql"), "select * from kill_test where tw_gate(seq)");
        Path outDir = Files.createDirectories(dir.resolve("out"));
        Path out = outDir.resolve("killed.csv");
        try (Connection holder = TestDatabase.get().connect(); Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(4242)");
            AtomicReference<CliRunner.Result> result = new AtomicReference<>();
            Thread export = new Thread(() -> result.set(CliRunner.run("export", "--jdbc-url", TestDatabase.get().url(),
                    "--query-file", q.toString(), "--fetch-size", "10", "--out", out.toString())));
            export.start();
            int pid = waitForBlockedExport(s);
            try (Stream<Path> files = Files.list(outDir)) {
                assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "export in progress");
            }
            try (ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
                rs.next();
                assertTrue(rs.getBoolean(1));
            }
            export.join(60_000);
            s.execute("SELECT pg_advisory_unlock(4242)");
            CliRunner.Result r = result.get();
            assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
            assertTrue(r.err().contains("trollwatch: error: export failed after "), r.err());
            assertTrue(r.err().contains("the database connection was lost"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertFalse(Files.exists(out));
            assertTrue(noFilesLeftIn(outDir), "no temp file left behind");
        }
    }

    /** Waits (bounded) until the export's backend waits on the advisory lock; returns its pid. */
    private static int waitForBlockedExport(Statement s) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = "
                    + "'trollwatch-export' AND wait_event_type = 'Lock'")) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the export never reached the gate");
    }

    @Test
    void fileExportConvertsAPsqlDumpToCleanCsv() throws Exception {
        Path psql = DumpFixtures.copy("sample.psql", dir);
        Path out = dir.resolve("from-psql.csv");
        CliRunner.Result r = CliRunner.run("export", "--in", psql.toString(), "--out", out.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertEquals(asExported(DumpFixtures.readAll(psql)), DumpFixtures.readAll(out));
        assertTrue(Files.readString(out).startsWith("banned_by,no_follow,link_id,gilded,author,"));
    }

    @Test
    void fileExportOfABadDumpFailsWithLocationAndNoFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.psql"), Files.readString(DumpFixtures.copy("sample.psql", dir))
                .replace("|445852|", "|lots|").replace("(5 rows)\n", ""));
        Path outDir = Files.createDirectories(dir.resolve("o"));
        CliRunner.Result r = CliRunner.run("export", "--in", bad.toString(), "--out", outDir.resolve("c.csv").toString());
        assertEquals(ExitCode.FAILURE, r.exitCode());
        assertTrue(r.err().contains("trollwatch: error: " + bad + ":4: column author_comment_karma: expected a number, got \"lots\""),
                r.err());
        assertTrue(noFilesLeftIn(outDir));
        CliRunner.Result skip = CliRunner.run("export", "--in", bad.toString(), "--on-error", "skip",
                "--out", outDir.resolve("c.csv").toString());
        assertEquals(ExitCode.FAILURE, skip.exitCode(), "a truncated psql dump fails even when skipping");
        assertTrue(skip.err().contains("the psql dump is truncated"), skip.err());
        assertTrue(noFilesLeftIn(outDir));
    }

    @Test
    void inputOptionMistakesAreUsageErrors() throws Exception {
        Path psql = DumpFixtures.copy("sample.psql", dir);
        CliRunner.Result maxWithoutSkip = CliRunner.run("export", "--in", psql.toString(), "--max-errors", "3");
        assertEquals(ExitCode.USAGE, maxWithoutSkip.exitCode());
        assertTrue(maxWithoutSkip.err().contains("--max-errors only applies with --on-error skip"), maxWithoutSkip.err());
        CliRunner.Result badFormat = CliRunner.run("export", "--in", psql.toString(), "--format", "xml");
        assertEquals(ExitCode.USAGE, badFormat.exitCode());
        assertTrue(badFormat.err().contains("unknown format 'xml'; expected one of csv, postgres-csv, psql, csv-2019, jsonl"),
                badFormat.err());
        CliRunner.Result both = CliRunner.run("export", "--in", psql.toString(), "--jdbc-url", TestDatabase.get().url());
        assertEquals(ExitCode.USAGE, both.exitCode());
        CliRunner.Result tableWithoutDb = CliRunner.run("export", "--in", psql.toString(), "--table", "t");
        assertEquals(ExitCode.USAGE, tableWithoutDb.exitCode());
    }

    @Test
    void forcedFormatOverridesDetection() throws Exception {
        Path psql = DumpFixtures.copy("sample.psql", dir);
        CliRunner.Result r = CliRunner.run("export", "--in", psql.toString(), "--format", "csv",
                "--out", dir.resolve("x.csv").toString());
        assertEquals(ExitCode.FAILURE, r.exitCode(), "a psql dump read as CSV lacks the required columns");
        assertTrue(r.err().contains(psql + ":1: missing required columns:"), r.err());
    }

    @Test
    void skippedRowsAreCountedAndSummarised() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.psql"), Files.readString(DumpFixtures.copy("sample.psql", dir))
                .replace("|445852|", "|lots|"));
        Path out = dir.resolve("c.csv");
        CliRunner.Result r = CliRunner.run("export", "--in", bad.toString(), "--on-error", "skip", "--max-errors", "1",
                "--out", out.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("skipped: " + bad + ":4: column author_comment_karma"), r.err());
        assertTrue(r.err().contains("skipped 1 malformed row, read 4 rows"), r.err());
        assertEquals(4, DumpFixtures.readAll(out).size());
    }

    // --- password handling: a child JVM, so the password can travel in an environment variable ---

    @Test
    void passwordFromEnvironmentWorksAndNeverAppearsInOutput() throws Exception {
        assumeTrue(TestDatabase.get().embedded());
        Path out = dir.resolve("pw.csv");
        CliRunner.Result r = ProcessRunner.run(Map.of("TW_DB_PASSWORD", TestDatabase.PASSWORD), List.of("PGPASSWORD"),
                "export", "-v", "--jdbc-url", TestDatabase.get().urlFor("postgres"), "--user", TestDatabase.SCRAM_USER,
                "--password-env", "TW_DB_PASSWORD", "--table", TABLE, "--limit", "10", "--out", out.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("connecting to " + TestDatabase.get().urlFor("postgres") + " as tw_scram"), r.err());
        assertFalse(r.err().contains(TestDatabase.PASSWORD) || r.out().contains(TestDatabase.PASSWORD), r.err());
        assertEquals(10, DumpFixtures.readAll(out).size());
    }

    @Test
    void wrongPasswordFailsCleanlyWithoutEchoingIt() throws Exception {
        assumeTrue(TestDatabase.get().embedded());
        Path out = dir.resolve("pw.csv");
        CliRunner.Result r = ProcessRunner.run(Map.of("PGPASSWORD", "wrong-" + TestDatabase.PASSWORD), List.of(),
                "export", "-v", "--jdbc-url", TestDatabase.get().urlFor("postgres"), "--user", TestDatabase.SCRAM_USER,
                "--table", TABLE, "--out", out.toString());
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("could not connect to " + TestDatabase.get().urlFor("postgres") + " as tw_scram"), r.err());
        assertTrue(r.err().contains("password authentication failed"), r.err());
        assertFalse(r.err().contains(TestDatabase.PASSWORD), r.err());
        // -v tells what lay under the failure, one line per cause, and never a stack trace.
        assertTrue(r.err().contains("caused by: "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void passwordFromPgpassFileThroughTheRedshiftDriver() throws Exception {
        assumeTrue(TestDatabase.get().embedded());
        Path pgpass = Files.writeString(dir.resolve("pgpass"), "# comment\n"
                + "otherhost:*:*:*:nope\n127.0.0.1:*:postgres:" + TestDatabase.MD5_USER + ":" + TestDatabase.PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        try (RedshiftStartupProxy proxy = new RedshiftStartupProxy(TestDatabase.get().port())) {
            Path out = dir.resolve("rs.csv.gz");
            String url = "jdbc:redshift://127.0.0.1:" + proxy.port() + "/postgres?ssl=false";
            CliRunner.Result r = ProcessRunner.run(Map.of("PGPASSFILE", pgpass.toString()), List.of("PGPASSWORD"),
                    "export", "-v", "--jdbc-url", url, "--user", TestDatabase.MD5_USER, "--table", TABLE,
                    "--out", out.toString());
            assertEquals(ExitCode.OK, r.exitCode(), r.err());
            assertFalse(r.err().contains(TestDatabase.PASSWORD), r.err());
            assertSameRows(loaded, DumpFixtures.readAll(out));
        }
    }
}
