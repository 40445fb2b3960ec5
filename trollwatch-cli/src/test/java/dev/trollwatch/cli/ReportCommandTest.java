package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.model.FeaturesCsvFixture;
import dev.trollwatch.model.SyntheticFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --report} and {@code evaluate --report} write the HTML report; the metrics file
 * and the text report carry the review budget; {@code evaluate} warns on the model's own training data.
 */
class ReportCommandTest {
    @TempDir
    static Path dir;

    private static Path train;
    private static Path fresh;
    private static CliRunner.Result trained;

    @BeforeAll
    static void trainWithReport() {
        train = FeaturesCsvFixture.write(dir.resolve("train.csv"), SyntheticFeatures.generate(3000, 21));
        fresh = FeaturesCsvFixture.write(dir.resolve("fresh.csv"), SyntheticFeatures.generate(1500, 22));
        trained = CliRunner.run("train", "--in", train.toString(), "--out", dir.resolve("tw").toString(),
                "--report", dir.resolve("train.html").toString());
        assertEquals(0, trained.exitCode(), trained.err());
    }

    @Test
    void trainWritesTheReportAndTheReviewBudgetEverywhere() throws Exception {
        String html = Files.readString(dir.resolve("train.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<section id=\"review-budget\">"), html.substring(0, 200));
        assertTrue(trained.out().contains("Review budget (top comments by p_bot + p_troll"), trained.out());
        assertTrue(trained.out().contains("Report:  " + dir.resolve("train.html")), trained.out());
        JsonNode budget = new ObjectMapper().readTree(dir.resolve("tw.metrics.json").toFile()).get("review_budget");
        JsonNode top = budget.get("bot_or_troll").get("top");
        assertEquals(5, top.size());
        assertEquals(10, top.get(3).get("top_percent").asInt());
        assertTrue(budget.get("troll").get("reviews_to").get("catch_80_percent").asDouble() > 0);
    }

    @Test
    void trainsReportNamesTheSavedModel() throws Exception {
        String id = new ObjectMapper().readTree(dir.resolve("tw.metrics.json").toFile()).get("model").get("model_id").asText();
        assertFalse(id.isBlank());
        assertTrue(Files.readString(dir.resolve("train.html")).contains("report — model " + id), "the report's model id is " + id);
    }

    @Test
    void aReportThatCannotBeWrittenFailsBeforeTrainingAndLeavesNoModelFiles() {
        // the report's folder is a regular file: writing it fails, so nothing of the model set may be committed
        Path html = train.resolve("report.html");
        CliRunner.Result r = CliRunner.run("train", "--in", train.toString(), "--out", dir.resolve("unreported").toString(),
                "--report", html.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(html + ": cannot be created, " + train + " is not a directory"), r.err());
        assertFalse(r.err().contains("training on"), "checked before the work: " + r.err());
        for (String ext : new String[] {".model", ".json", ".onnx", ".metrics.json"}) {
            assertFalse(Files.exists(dir.resolve("unreported" + ext)), "unreported" + ext + " must not exist");
        }
    }

    @Test
    void aModelFolderThatTakesNoNewFilesFailsBeforeTraining() {
        // sysfs refuses new files even to root, for whom a folder's permission bits always say "writable"
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "a Linux /sys");
        CliRunner.Result r = CliRunner.run("train", "--in", train.toString(), "--out", "/sys/kernel/trollwatch");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("/sys/kernel/trollwatch.model: cannot be created, /sys/kernel takes no new files"), r.err());
        assertFalse(r.err().contains("training on"), "checked before the work: " + r.err());
    }

    @Test
    void evaluateChecksItsOutputsBeforeEvaluating() {
        for (String option : new String[] {"--report", "--metrics-json"}) {
            Path out = train.resolve("out.file");
            CliRunner.Result r = CliRunner.run("evaluate", "--model", dir.resolve("tw.json").toString(), "--in", fresh.toString(),
                    option, out.toString());
            assertEquals(1, r.exitCode(), option + ": " + r.err());
            assertTrue(r.err().contains(out + ": cannot be created, " + train + " is not a directory"), r.err());
            assertEquals("", r.out(), option + ": nothing evaluated");
        }
    }

    @Test
    void evaluateWritesTheReportWithItsGatesAndWarnsOnlyOnTheTrainingData() throws Exception {
        Path html = dir.resolve("evaluate.html");
        CliRunner.Result r = CliRunner.run("evaluate", "--model", dir.resolve("tw.json").toString(), "--in", fresh.toString(),
                "--min-accuracy", "0.5", "--report", html.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(html).contains("<td>accuracy</td><td>0.5</td>"), "the gate is in the report");
        assertFalse(r.err().contains("not a held-out evaluation"), r.err());
        CliRunner.Result same = CliRunner.run("evaluate", "--model", dir.resolve("tw.json").toString(), "--in", train.toString());
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.err().contains("was trained on (same SHA-256") && same.err().contains("not a held-out evaluation"), same.err());
    }
}
