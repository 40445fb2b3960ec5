package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.ParityFiles;
import dev.trollwatch.io.dump.DumpFixtures;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
    @TempDir
    Path dir;

    private Path parityDump() {
        return DumpFixtures.copy("parity-sample.csv.gz", dir);
    }

    private static List<CSVRecord> parse(Reader r) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }

    /** End to end: dump in, features CSV out, every value equal to the Python reference's. */
    @Test
    void featuresOfTheParityDumpMatchTheReferenceEndToEnd() throws IOException {
        Path out = dir.resolve("features.csv.gz");
        CliRunner.Result r = CliRunner.run("features", "--in", parityDump().toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> rows;
        try (Reader in = new java.io.InputStreamReader(new GZIPInputStream(Files.newInputStream(out)), StandardCharsets.UTF_8)) {
            rows = parse(in);
        }
        List<ParityFiles.ExpectedRow> expected = ParityFiles.readExpected();
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord a = rows.get(i);
            ParityFiles.ExpectedRow e = expected.get(i);
            assertEquals(e.author(), a.get("author"), "row " + i);
            assertEquals(e.linkId(), a.get("link_id"), "row " + i);
            assertEquals(e.createdUtc(), Double.parseDouble(a.get("created_utc")), "row " + i);
            assertEquals(e.target(), a.get("target"), "row " + i);
            for (int f = 0; f < FeatureSchema.SIZE; f++) {
                String name = FeatureSchema.NAMES.get(f);
                assertEquals(e.values()[f], Double.parseDouble(a.get(name)), 1e-9, "row " + i + " " + name);
            }
        }
    }

    /** Every dump format trollwatch reads yields the same features for the same comments. */
    @Test
    void everyDumpFormatGivesIdenticalFeatures() throws IOException {
        String reference = null;
        for (String name : List.of("sample.csv", "sample.pg.csv", "sample.psql", "sample.psql.gz", "sample.2019.csv",
                "sample.jsonl")) {
            Path dump = DumpFixtures.copy(name, dir);
            CliRunner.Result r = CliRunner.run("features", "--in", dump.toString());
            assertEquals(0, r.exitCode(), name + ": " + r.err());
            assertTrue(parse(new StringReader(r.out())).size() >= 2, name);
            if (reference == null) {
                reference = r.out();
            } else {
                assertEquals(reference, r.out(), name);
            }
        }
    }

    @Test
    void writesToStdoutWithoutOut() throws IOException {
        Path dump = dir.resolve("one.csv");
        Files.writeString(dump, header() + "\n" + row("alice", "[]") + "\n");
        CliRunner.Result r = CliRunner.run("features", "--in", dump.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> rows = parse(new StringReader(r.out()));
        assertEquals(1, rows.size());
        assertEquals("alice", rows.get(0).get("author"));
        assertEquals("1550213389", rows.get(0).get("created_utc"));
        assertEquals("1", rows.get(0).get("no_follow"));
        assertEquals("bot", rows.get(0).get("target"));
    }

    @Test
    void aMalformedRecentCommentsFailsWithFileLineAndColumnAndLeavesNoOutput() throws IOException {
        Path dump = dir.resolve("bad.csv");
        Files.writeString(dump, header() + "\n" + row("alice", "[]") + "\n" + row("bob", "[{not json") + "\n");
        Path out = dir.resolve("features.csv");
        CliRunner.Result r = CliRunner.run("features", "--in", dump.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("bad.csv:3"), r.err());
        assertTrue(r.err().contains("recent_comments"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out), "no half-written output");
    }

    @Test
    void onErrorSkipDropsMalformedRowsAndKeepsTheRest() throws IOException {
        Path dump = dir.resolve("bad.csv");
        Files.writeString(dump, header() + "\n" + row("alice", "[]") + "\n" + row("bob", "[{not json") + "\n"
                + row("carol", "[]") + "\n");
        Path out = dir.resolve("features.csv");
        CliRunner.Result r = CliRunner.run("features", "--in", dump.toString(), "--out", out.toString(),
                "--on-error", "skip", "--max-errors", "1");
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> rows = parse(Files.newBufferedReader(out));
        assertEquals(List.of("alice", "carol"), rows.stream().map(x -> x.get("author")).toList());
    }

    @Test
    void duplicateKeysAreDroppedKeepingTheFirst() throws IOException {
        Path dump = dir.resolve("dups.csv");
        Files.writeString(dump, header() + "\n" + row("alice", "[]") + "\n" + row("alice", "[]") + "\n");
        CliRunner.Result r = CliRunner.run("features", "--in", dump.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, parse(new StringReader(r.out())).size());
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path dump = dir.resolve("one.csv");
        Files.writeString(dump, header() + "\n" + row("alice", "[]") + "\n");
        assertEquals(2, CliRunner.run("features", "--in", dump.toString(), "--format", "xml").exitCode());
        assertEquals(2, CliRunner.run("features", "--in", dump.toString(), "--threads", "0").exitCode());
        CliRunner.Result many = CliRunner.run("features", "--in", dump.toString(), "--threads", "100000");
        assertEquals(2, many.exitCode(), many.err());
        assertTrue(many.err().contains("--threads must be at most 256, got 100000"), many.err());
        assertEquals(2, CliRunner.run("features", "--in", dump.toString(), "--max-errors", "3").exitCode());
    }

    @Test
    void aMissingInputFileIsAFailureWithItsName() {
        CliRunner.Result r = CliRunner.run("features", "--in", dir.resolve("nope.csv").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("nope.csv"), r.err());
    }

    private static String header() {
        return "banned_by,no_follow,link_id,gilded,author,author_verified,author_comment_karma,author_link_karma,"
                + "num_comments,created_utc,score,over_18,body,downs,is_submitter,num_reports,controversiality,"
                + "quarantine,ups,is_bot,is_troll,recent_comments";
    }

    private static String row(String author, String recent) {
        return ",true,t3_aqtwe1,0," + author + ",false,445850.0,1778.0,1.0,1550213389.0,1.0,false,\"hello there\","
                + "0.0,false,,0.0,false,1.0,true,false,\"" + recent.replace("\"", "\"\"") + "\"";
    }
}
