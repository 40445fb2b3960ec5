package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.model.FeaturesCsvFixture;
import dev.trollwatch.model.SyntheticFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path model;
    private static Path fresh;

    @BeforeAll
    static void trainModel() {
        Path train = FeaturesCsvFixture.write(shared.resolve("train.csv"), SyntheticFeatures.generate(3000, 8));
        fresh = FeaturesCsvFixture.write(shared.resolve("fresh.csv"), SyntheticFeatures.generate(1500, 9));
        CliRunner.Result r = CliRunner.run("train", "--in", train.toString(), "--out", shared.resolve("tw").toString());
        assertEquals(0, r.exitCode(), r.err());
        model = shared.resolve("tw.model");
    }

    @Test
    void printsTheSameReportForAnExistingModel() {
        CliRunner.Result r = CliRunner.run("evaluate", "--model", model.toString(), "--in", fresh.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("Predicted +bot +normal +troll +All")), r.out());
        assertTrue(r.out().contains("MCC (R_K):"), r.out());
        assertTrue(r.out().contains("Tree (depth"), r.out());
    }

    @Test
    void aFeaturesCsvGivenWithADumpFormatIsToldSo() {
        // --format csv read it as a dump: "fresh.csv:1: missing required columns: body, recent_comments"
        String hint = fresh + " is a features CSV; --format names a dump format: leave --format out to read it as features";
        for (String[] args : List.of(
                new String[] {"evaluate", "--model", model.toString(), "--in", fresh.toString(), "--format", "csv"},
                new String[] {"predict", "--model", model.toString(), "--in", fresh.toString(), "--format", "csv"},
                new String[] {"train", "--in", fresh.toString(), "--format", "csv", "--out", dir.resolve("f").toString()})) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(ExitCode.FAILURE, r.exitCode(), args[0] + ": " + r.err());
            assertTrue(r.err().contains(hint), args[0] + ": " + r.err());
        }
    }

    @Test
    void acceptsTheModelBaseGivenToTrain() {
        String base = model.toString().replaceFirst("\\.model$", "");
        CliRunner.Result r = CliRunner.run("evaluate", "--model", base, "--in", fresh.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void failedGatesPrintOneLineEachAndExitThree() {
        CliRunner.Result r = CliRunner.run("evaluate", "--model", model.toString(), "--in", fresh.toString(),
                "--min-accuracy", "0.999", "--min-recall", "troll=0.999", "--min-precision", "bot=0.0", "--min-mcc", "0.9999");
        assertEquals(ExitCode.QUALITY_GATE, r.exitCode(), r.err());
        long lines = r.err().lines().filter(l -> l.startsWith("trollwatch: quality gate failed: ")).count();
        assertEquals(3, lines, r.err());
        assertTrue(r.err().contains("recall of troll"), r.err());
    }

    @Test
    void theMetricsFileRecordsTheSeedThisRunUsedAndKeepsTheDocumentedKeyOrder() throws IOException {
        // it recorded the model's training seed, while --seed drove the permutations
        Path json = dir.resolve("seeded.json");
        CliRunner.Result r = CliRunner.run("evaluate", "--model", model.toString(), "--in", fresh.toString(),
                "--permutation-importance", "--permutation-repeats", "1", "--seed", "99", "--min-accuracy", "0.1",
                "--metrics-json", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = new ObjectMapper().readTree(json.toFile());
        assertEquals(99, m.get("seed").asLong());
        java.util.List<String> keys = new java.util.ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        // docs/metrics-json.md: ... data, quality_gates, tool_version, seed, created_at
        assertEquals(java.util.List.of("data", "quality_gates", "tool_version", "seed", "created_at"),
                keys.subList(keys.size() - 5, keys.size()), keys.toString());
    }

    @Test
    void passingGatesExitZeroAndAreRecordedInMetrics() throws IOException {
        Path json = dir.resolve("eval.json");
        CliRunner.Result r = CliRunner.run("evaluate", "--model", model.toString(), "--in", fresh.toString(),
                "--min-accuracy", "0.5", "--min-f1", "normal=0.5", "--metrics-json", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = new ObjectMapper().readTree(json.toFile());
        assertEquals("evaluate", m.get("command").asText());
        assertEquals(2, m.get("quality_gates").size());
        assertTrue(m.at("/quality_gates/0/passed").asBoolean());
        assertTrue(m.has("accuracy") && m.has("confusion_matrix") && m.has("params") && m.has("data"));
    }

    @Test
    void badGateSyntaxIsAUsageError() {
        CliRunner.Result r = CliRunner.run("evaluate", "--model", model.toString(), "--in", fresh.toString(), "--min-recall", "0.7");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("--min-recall"), r.err());
    }

    @Test
    void aWrongFileAsTheModelOrTheInputIsToldForWhatItLooksLike() throws IOException {
        Path base = shared.resolve("tw");
        // was "field format: missing"
        CliRunner.Result metrics = CliRunner.run("evaluate", "--model", base + ".metrics.json", "--in", fresh.toString());
        assertEquals(ExitCode.FAILURE, metrics.exitCode(), metrics.err());
        assertTrue(metrics.err().contains(base + ".metrics.json is a trollwatch metrics file, not a model (use " + base
                + ".json)"), metrics.err());
        // was "unsupported protobuf wire type 3 at byte 1"
        Path renamed = Files.copy(Path.of(base + ".json"), dir.resolve("renamed.onnx"));
        CliRunner.Result onnx = CliRunner.run("predict", "--model", renamed.toString(), "--in", fresh.toString());
        assertEquals(ExitCode.FAILURE, onnx.exitCode(), onnx.err());
        assertTrue(onnx.err().contains(renamed + " is not an ONNX model: it looks like JSON (a .json model renamed?)"),
                onnx.err());
        // was "expected a JSON object, got invalid JSON (Unexpected end-of-input ...)"
        for (String[] args : List.of(new String[] {"train", "--in", base + ".json", "--out", dir.resolve("m").toString()},
                new String[] {"features", "--in", base + ".json", "--out", dir.resolve("f.csv").toString()})) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
            assertTrue(r.err().contains(base + ".json:1: looks like a trollwatch model file, not a dump"), args[0] + ": " + r.err());
        }
        CliRunner.Result m = CliRunner.run("train", "--in", base + ".metrics.json", "--out", dir.resolve("m").toString());
        assertTrue(m.err().contains(base + ".metrics.json:1: looks like a trollwatch metrics file, not a dump"), m.err());
    }

    @Test
    void aFileThatIsNotAModelIsAClearError() throws IOException {
        Path junk = dir.resolve("junk.model");
        Files.writeString(junk, "not a model\n");
        CliRunner.Result r = CliRunner.run("evaluate", "--model", junk.toString(), "--in", fresh.toString());
        assertEquals(ExitCode.FAILURE, r.exitCode());
        assertTrue(r.err().contains("junk.model is not a trollwatch model file"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
