package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train/evaluate straight from a dump of reddit_comments, features computed on the fly. */
class TrainOnDumpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path dump;

    @BeforeAll
    static void generateDump() {
        dump = dir.resolve("dump.csv.gz");
        CliRunner.Result r = CliRunner.run("generate", "--rows", "4000", "--seed", "7", "--format", "csv", "--out", dump.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    private static JsonNode metrics(Path p) throws IOException {
        ObjectNode n = (ObjectNode) JSON.readTree(p.toFile());
        n.remove("created_at");
        return n;
    }

    @Test
    void sameModelAndMetricsWhateverTheThreadCount() throws IOException {
        CliRunner.Result one = CliRunner.run("train", "--in", dump.toString(), "--out", dir.resolve("t1").toString(),
                "--threads", "1", "--min-leaf", "30");
        CliRunner.Result two = CliRunner.run("train", "--in", dump.toString(), "--out", dir.resolve("t2").toString(),
                "--threads", "2", "--min-leaf", "30");
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(0, two.exitCode(), two.err());
        JsonNode a = metrics(dir.resolve("t1.metrics.json"));
        JsonNode b = metrics(dir.resolve("t2.metrics.json"));
        ((ObjectNode) a.get("model")).remove("path");
        ((ObjectNode) b.get("model")).remove("path");
        assertEquals(a, b);
        assertEquals(4000, a.at("/data/rows_read").asLong());
        assertTrue(one.out().lines().anyMatch(l -> l.matches("Predicted +bot +normal +troll +All")), one.out());
    }

    @Test
    void trainingOnTheDumpEqualsTrainingOnItsFeaturesFile() throws IOException {
        Path features = dir.resolve("features.csv");
        CliRunner.Result f = CliRunner.run("features", "--in", dump.toString(), "--out", features.toString());
        assertEquals(0, f.exitCode(), f.err());
        assertEquals(0, CliRunner.run("train", "--in", dump.toString(), "--out", dir.resolve("d").toString(), "--min-leaf", "30").exitCode());
        assertEquals(0, CliRunner.run("train", "--in", features.toString(), "--out", dir.resolve("f").toString(), "--min-leaf", "30").exitCode());
        JsonNode d = metrics(dir.resolve("d.metrics.json"));
        JsonNode fm = metrics(dir.resolve("f.metrics.json"));
        assertEquals(d.at("/model/model_id"), fm.at("/model/model_id"));
        assertEquals(d.get("confusion_matrix"), fm.get("confusion_matrix"));
        assertEquals(d.at("/data/rows"), fm.at("/data/rows"));
    }

    @Test
    void aFeaturesFileWithMissingKeysTrainsAsItsDumpDoes() throws IOException {
        Path gaps = dir.resolve("gaps.csv");
        CSVFormat csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(dump));
             CSVParser parser = CSVParser.parse(in, java.nio.charset.StandardCharsets.UTF_8, csv);
             CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(gaps),
                     CSVFormat.RFC4180.builder().setHeader(parser.getHeaderNames().toArray(String[]::new)).get())) {
            for (CSVRecord rec : parser) {
                List<String> values = new ArrayList<>(rec.toList());
                long n = rec.getRecordNumber();
                if (n % 7 == 0) {
                    values.set(parser.getHeaderMap().get("created_utc"), "");
                }
                if (n % 11 == 0) {
                    values.set(parser.getHeaderMap().get("author"), "");
                }
                out.printRecord(values);
            }
        }
        Path features = dir.resolve("gaps.features.csv");
        CliRunner.Result f = CliRunner.run("features", "--in", gaps.toString(), "--out", features.toString());
        assertEquals(0, f.exitCode(), f.err());
        assertTrue(Files.readString(features).contains("\n,t3_"), "some rows have no author");
        CliRunner.Result fromDump = CliRunner.run("train", "--in", gaps.toString(), "--out", dir.resolve("gd").toString(), "--min-leaf", "30");
        CliRunner.Result fromFeatures = CliRunner.run("train", "--in", features.toString(), "--out", dir.resolve("gf").toString(), "--min-leaf", "30");
        assertEquals(0, fromDump.exitCode(), fromDump.err());
        assertEquals(0, fromFeatures.exitCode(), fromFeatures.err());
        JsonNode d = metrics(dir.resolve("gd.metrics.json"));
        JsonNode fm = metrics(dir.resolve("gf.metrics.json"));
        assertEquals(d.at("/model/model_id"), fm.at("/model/model_id"));
        assertEquals(d.get("confusion_matrix"), fm.get("confusion_matrix"));
    }

    @Test
    void evaluateReadsADumpToo() {
        assertEquals(0, CliRunner.run("train", "--in", dump.toString(), "--out", dir.resolve("e").toString(), "--min-leaf", "30").exitCode());
        CliRunner.Result r = CliRunner.run("evaluate", "--model", dir.resolve("e.model").toString(), "--in", dump.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("MCC (R_K):"), r.out());
    }

    @Test
    void anUnlabelledDumpIsRefused() throws IOException {
        Path unlabelled = dir.resolve("unlabelled.csv");
        Files.writeString(unlabelled, "author,link_id,created_utc,body\na,t3_x,1545170506,hello\n");
        CliRunner.Result r = CliRunner.run("train", "--in", unlabelled.toString(), "--out", dir.resolve("u").toString());
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.out());
        assertTrue(r.err().contains("trollwatch: error:"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }

    @Test
    void maxErrorsBoundsSkippedRowsWhenTraining() throws IOException {
        // Copy the dump with one row's score made non-numeric: fail by default, train with skip,
        // fail again once more rows were skipped than --max-errors allows.
        java.util.List<String> lines;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(dump))) {
            lines = new java.util.ArrayList<>(java.util.List.of(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\r\n", -1)));
        }
        String row = lines.get(2);
        String[] head = row.split(",", 12);          // score is the 11th column, before body
        head[10] = "not-a-number";
        lines.set(2, String.join(",", head));
        Path bad = dir.resolve("one-bad-row.csv");
        Files.writeString(bad, String.join("\r\n", lines));

        CliRunner.Result failed = CliRunner.run("train", "--in", bad.toString(), "--out", dir.resolve("b1").toString());
        assertEquals(ExitCode.FAILURE, failed.exitCode());
        assertTrue(failed.err().contains("one-bad-row.csv:3") && failed.err().contains("score"), failed.err());

        assertEquals(ExitCode.OK, CliRunner.run("train", "--in", bad.toString(), "--out", dir.resolve("b2").toString(),
                "--min-leaf", "30", "--on-error", "skip", "--max-errors", "1").exitCode());
        assertEquals(ExitCode.FAILURE, CliRunner.run("train", "--in", bad.toString(), "--out", dir.resolve("b3").toString(),
                "--on-error", "skip", "--max-errors", "0").exitCode());
        assertEquals(ExitCode.USAGE, CliRunner.run("train", "--in", bad.toString(), "--out", dir.resolve("b4").toString(),
                "--max-errors", "1").exitCode());
        assertTrue(Files.notExists(dir.resolve("b3.model")), "no model left behind by a failed run");
    }

    @Test
    void evaluateGivesTheSameMetricsWithAnyOfTheThreeModelFiles() throws IOException {
        Path base = dir.resolve("any");
        assertEquals(0, CliRunner.run("train", "--in", dump.toString(), "--out", base.toString(), "--min-leaf", "30").exitCode());
        JsonNode first = null;
        for (String ext : new String[] {".model", ".json", ".onnx", ""}) {
            Path metrics = dir.resolve("any-eval" + ext + ".json");
            CliRunner.Result r = CliRunner.run("evaluate", "--model", base + ext, "--in", dump.toString(),
                    "--metrics-json", metrics.toString());
            assertEquals(0, r.exitCode(), ext + ": " + r.err());
            ObjectNode m = (ObjectNode) metrics(metrics);
            ((ObjectNode) m.get("data")).remove("model");
            m.remove("model");
            if (first == null) {
                first = m;
            } else {
                assertEquals(first.get("accuracy"), m.get("accuracy"), ext);
                assertEquals(first.get("confusion_matrix"), m.get("confusion_matrix"), ext);
            }
        }
    }
}
