package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.TestResources;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.model.FeaturesCsvFixture;
import dev.trollwatch.model.SyntheticFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path data;
    private static List<FeatureRow> rows;

    @BeforeAll
    static void writeData() {
        rows = SyntheticFeatures.generate(4000, 21);
        data = FeaturesCsvFixture.write(shared.resolve("features.csv"), rows);
    }

    private CliRunner.Result train(String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--in", data.toString(), "--out", dir.resolve("m/tw").toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void trainPrintsTheReportAndSavesModelAndMetrics() throws IOException {
        CliRunner.Result r = train();
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("Predicted +bot +normal +troll +All")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("True")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("All ")), r.out());
        assertTrue(r.out().contains("MCC (R_K):"), r.out());
        assertTrue(r.out().contains("Cohen's kappa:"), r.out());
        assertTrue(r.out().contains("macro avg") && r.out().contains("weighted avg"), r.out());
        assertTrue(r.out().contains("recent_num_comments"), r.out());
        assertTrue(Files.exists(dir.resolve("m/tw.model")));
        JsonNode m = JSON.readTree(dir.resolve("m/tw.metrics.json").toFile());
        for (String key : List.of("accuracy", "mcc", "kappa", "confusion_matrix", "per_class", "feature_importance", "tree", "params", "data")) {
            assertTrue(m.has(key), "metrics lacks " + key);
        }
        assertEquals(20, m.get("feature_importance").size());
        double sum = 0;
        for (JsonNode e : m.get("feature_importance")) {
            sum += e.get("importance").asDouble();
        }
        assertEquals(1.0, sum, 1e-9);
        assertTrue(m.at("/tree/depth").asInt() <= 3);
        assertTrue(m.at("/tree/min_leaf_rows").asLong() >= 100);
        long matrixTotal = 0;
        for (JsonNode row : m.get("confusion_matrix")) {
            for (JsonNode c : row) {
                matrixTotal += c.asLong();
            }
        }
        assertEquals(m.at("/per_class/bot/support").asLong() + m.at("/per_class/normal/support").asLong()
                + m.at("/per_class/troll/support").asLong(), matrixTotal);
        assertTrue(m.at("/data/duplicates_dropped").asLong() > 0, "synthetic data has duplicates");
        assertTrue(m.at("/data/relabelled").asLong() > 0, "synthetic data has bots posting as normal");
        assertEquals(64, m.at("/data/sha256").asText().length());
        assertEquals(16, m.at("/seed").asInt());
    }

    @Test
    void holdOutIsStratifiedThirtyPercent() throws IOException {
        assertEquals(0, train().exitCode());
        JsonNode d = JSON.readTree(dir.resolve("m/tw.metrics.json").toFile()).get("data");
        for (String c : List.of("bot", "normal", "troll")) {
            long tr = d.at("/rows_per_class/train/" + c).asLong();
            long te = d.at("/rows_per_class/test/" + c).asLong();
            assertEquals(Math.round((tr + te) * 0.3), te, c);
        }
    }

    @Test
    void sameInputAndOptionsGiveIdenticalTreeAndMetrics() throws IOException {
        assertEquals(0, train().exitCode());
        String first = Files.readString(dir.resolve("m/tw.metrics.json"));
        assertEquals(0, train().exitCode());
        String second = Files.readString(dir.resolve("m/tw.metrics.json"));
        assertEquals(withoutTimestamp(first), withoutTimestamp(second));
    }

    @Test
    void aRowWithoutALabelIsNamedWithItsFile() throws IOException {
        // Found by probing: "row 5 (author X) has no label (target)" named no file.
        List<String> lines = Files.readAllLines(data);
        String header = lines.get(0);
        int target = java.util.Arrays.asList(header.split(",")).indexOf("target");
        String[] fifth = lines.get(5).split(",", -1);
        fifth[target] = "";
        lines.set(5, String.join(",", fifth));
        Path unlabelled = Files.write(dir.resolve("unlabelled.csv"), lines);
        CliRunner.Result r = CliRunner.run("train", "--in", unlabelled.toString(), "--out", dir.resolve("u/tw").toString());
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains(unlabelled + ": row 5 (author "), r.err());
    }

    @Test
    void metricsFilesFromSeparateJvmsAreIdenticalApartFromTheTimestamp() throws Exception {
        // Separate JVMs catch anything that depends on hash seeds or identity hash codes.
        for (String run : List.of("j1", "j2")) {
            CliRunner.Result r = ProcessRunner.run(java.util.Map.of(), List.of(), "train", "-q", "--in", data.toString(),
                    "--out", dir.resolve(run).toString(), "--metrics-json", dir.resolve(run + "-metrics.json").toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        // (these names were j1.json: the metrics replaced the .json model, now a usage error)
        String a = Files.readString(dir.resolve("j1-metrics.json")).replaceAll("\"created_at\" : \"[^\"]*\"", "")
                .replace(dir.resolve("j1").toString(), "OUT");
        String b = Files.readString(dir.resolve("j2-metrics.json")).replaceAll("\"created_at\" : \"[^\"]*\"", "")
                .replace(dir.resolve("j2").toString(), "OUT");
        assertEquals(a, b);
    }

    @Test
    void rowOrderOfTheInputDoesNotChangeTheModel() throws IOException {
        // Without duplicates (which keep the first occurrence), any order gives the same model.
        List<FeatureRow> unique = new ArrayList<>(new java.util.LinkedHashMap<String, FeatureRow>() {{
            for (FeatureRow r : rows) {
                putIfAbsent(r.author() + "|" + r.linkId() + "|" + r.createdUtc(), r);
            }
        }}.values());
        Path a = FeaturesCsvFixture.write(dir.resolve("a.csv"), unique);
        List<FeatureRow> shuffled = new ArrayList<>(unique);
        Collections.shuffle(shuffled, new Random(3));
        Path b = FeaturesCsvFixture.write(dir.resolve("b.csv"), shuffled);
        CliRunner.Result ra = CliRunner.run("train", "--in", a.toString(), "--out", dir.resolve("a").toString());
        CliRunner.Result rb = CliRunner.run("train", "--in", b.toString(), "--out", dir.resolve("b").toString());
        assertEquals(0, ra.exitCode(), ra.err());
        assertEquals(0, rb.exitCode(), rb.err());
        JsonNode ma = JSON.readTree(dir.resolve("a.metrics.json").toFile());
        JsonNode mb = JSON.readTree(dir.resolve("b.metrics.json").toFile());
        assertEquals(ma.at("/model/model_id"), mb.at("/model/model_id"));
        assertEquals(ma.get("confusion_matrix"), mb.get("confusion_matrix"));
        assertNotEquals(ma.at("/data/sha256"), mb.at("/data/sha256"));
    }

    private static String withoutTimestamp(String json) throws IOException {
        ObjectNode n = (ObjectNode) JSON.readTree(json);
        n.remove("created_at");
        return n.toString();
    }

    @Test
    void crossValidationReportsMeanSdAndPooledMatrix() throws IOException {
        CliRunner.Result r = train("--cv", "4", "--permutation-importance", "--permutation-repeats", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("4-fold stratified cross-validation"), r.out());
        assertTrue(r.out().contains("±"), r.out());
        JsonNode m = JSON.readTree(dir.resolve("m/tw.metrics.json").toFile());
        assertEquals(4, m.at("/cross_validation/folds").asInt());
        assertEquals(4, m.at("/cross_validation/accuracy/per_fold").size());
        long total = 0;
        for (JsonNode row : m.get("confusion_matrix")) {
            for (JsonNode c : row) {
                total += c.asLong();
            }
        }
        assertEquals(m.at("/data/rows").asLong(), total, "every row is predicted once out of fold");
        assertEquals(20, m.get("permutation_importance").size(), "averaged over the folds");
        assertEquals(m.at("/data/rows").asLong(), m.at("/data/rows_per_class/train/bot").asLong()
                + m.at("/data/rows_per_class/train/normal").asLong() + m.at("/data/rows_per_class/train/troll").asLong(),
                "the saved model is trained on all rows");
    }

    @Test
    void separateTestFileIsEvaluatedWhole() throws IOException {
        Path test = FeaturesCsvFixture.write(dir.resolve("test.csv"), SyntheticFeatures.generate(900, 99));
        CliRunner.Result r = train("--test", test.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = JSON.readTree(dir.resolve("m/tw.metrics.json").toFile());
        assertEquals("test_file", m.at("/params/split").asText());
        assertEquals(test.toString(), m.at("/data/test_input").asText());
    }

    @Test
    void dotAndPermutationImportanceOnRequest() throws IOException {
        Path dot = dir.resolve("tree.dot");
        CliRunner.Result r = train("--dot", dot.toString(), "--permutation-importance", "--permutation-repeats", "2");
        assertEquals(0, r.exitCode(), r.err());
        String d = Files.readString(dot);
        assertTrue(d.startsWith("digraph"), d);
        assertTrue(d.contains(" <= "), d);
        assertTrue(r.out().contains("Permutation importance"), r.out());
        JsonNode m = JSON.readTree(dir.resolve("m/tw.metrics.json").toFile());
        assertEquals(20, m.get("permutation_importance").size());
    }

    @Test
    void unlimitedDepthWithoutRowRuleGrowsABiggerTree() throws IOException {
        CliRunner.Result r = train("--max-depth", "0", "--min-leaf", "0", "--metrics-json", dir.resolve("x.json").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = JSON.readTree(dir.resolve("x.json").toFile());
        assertTrue(m.at("/tree/depth").asInt() > 3, m.get("tree").toString());
    }

    @Test
    void badOptionsAreUsageErrors() {
        for (String[] bad : List.of(new String[] {"--class-weights", "bot=x"}, new String[] {"--class-weights", "spam=1"},
                new String[] {"--cv", "1"}, new String[] {"--test-fraction", "1.5"}, new String[] {"--max-depth", "-1"},
                new String[] {"--unpruned", "--confidence", "0.1"}, new String[] {"--confidence", "2"},
                new String[] {"--cv", "3", "--test", "x.csv"})) {
            CliRunner.Result r = train(bad);
            assertEquals(ExitCode.USAGE, r.exitCode(), String.join(" ", bad) + ": " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void anOutWithAModelFilesExtensionIsRefusedWithTheBaseMeant() {
        // "--out models/trollwatch.json" wrote trollwatch.json.json, .json.model, .json.onnx, .json.metrics.json
        for (String ext : List.of(".json", ".ONNX", ".model", ".metrics.json", ".Json")) {
            Path base = dir.resolve("x/tw");
            CliRunner.Result r = CliRunner.run("train", "--in", data.toString(), "--out", base + ext);
            assertEquals(ExitCode.USAGE, r.exitCode(), ext + ": " + r.err());
            assertTrue(r.err().contains("--out is a base name: use " + base + " "), r.err());
            assertFalse(Files.exists(dir.resolve("x")), ext);
        }
    }

    @Test
    void aMissingInputIsNoSuchFileAsInTheOtherCommands() {
        // train said "I/O error: PATH (No such file or directory)", features "no such file: PATH"
        String missing = dir.resolve("nope.csv.gz").toString();
        for (String[] args : List.of(new String[] {"train", "--in", missing, "--out", dir.resolve("n").toString()},
                new String[] {"features", "--in", missing, "--out", dir.resolve("f.csv").toString()})) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
            assertTrue(r.err().contains("trollwatch: error: no such file: " + missing + "\n"), args[0] + ": " + r.err());
        }
    }

    @Test
    void aFeaturesCsvWithoutATargetColumnIsRefusedAtItsHeader() throws IOException {
        // "row 1 (author ...) has no label" came only after every row was read (here: a bad value on line 4)
        List<String> lines = new ArrayList<>(Files.readAllLines(data).subList(0, 10));
        List<String> header = java.util.Arrays.asList(lines.get(0).split(","));
        int target = header.indexOf("target");
        List<String> cut = new ArrayList<>();
        for (String l : lines) {
            List<String> cells = new ArrayList<>(java.util.Arrays.asList(l.split(",", -1)));
            cells.remove(target);
            cut.add(String.join(",", cells));
        }
        int karma = header.indexOf("author_link_karma");
        String[] fourth = cut.get(3).split(",", -1);
        fourth[karma] = "lots";
        cut.set(3, String.join(",", fourth));
        Path unlabelled = Files.write(dir.resolve("no-target.csv"), cut);
        for (String[] args : List.of(new String[] {"train", "--in", unlabelled.toString(), "--out", dir.resolve("nt").toString()},
                new String[] {"train", "--in", data.toString(), "--test", unlabelled.toString(), "--out", dir.resolve("nt").toString()})) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
            assertTrue(r.err().contains("trollwatch: error: " + unlabelled + ":1: no target column: train and evaluate need"
                    + " labelled rows"), r.err());
        }
    }

    @Test
    void aTreeWithoutASplitIsWarnedOfWithTheReason() {
        // 29 rows built a single leaf with exit 0 and no word (a warning: shown unless -q)
        Path small = FeaturesCsvFixture.write(dir.resolve("small.csv"), rows.subList(0, 60));
        CliRunner.Result r = CliRunner.run("train", "--in", small.toString(), "--out", dir.resolve("s/tw").toString(),
                "--no-relabel-bots");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("the tree has no split")
                && l.matches(".*--min-leaf 100 needs at least 200 rows to split; the data has \\d+")), r.err());
        CliRunner.Result big = train();
        assertFalse(big.err().contains("no split"), big.err());
    }

    @Test
    void classWeightsThatWouldOverflowTheLearnersSumsAreUsageErrors() {
        // normal=1e308 summed to infinity over the rows: NaN probabilities, then an endless loop
        // in the review budget that ran out of memory.
        CliRunner.Result r = train("--class-weights", "normal=1e308,bot=1e308,troll=1e308");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("invalid --class-weights 'normal=1e308,bot=1e308,troll=1e308': weight of"
                + " normal must be between 1.0E-9 and 1.0E9 (only ratios matter), got 1e308"), r.err());
    }

    @Test
    void theConfidenceBoundsThemselvesTrain() {
        // 1e-6 passed the option check and then failed inside J48, whose float holds it as 9.99999997e-7: exit 4.
        for (String c : List.of("1e-6", "0.000001", "0.5")) {
            CliRunner.Result r = train("--confidence", c);
            assertEquals(ExitCode.OK, r.exitCode(), c + ": " + r.err());
        }
    }

    @Test
    void weightsEachInRangeButTooFarApartAreAUsageErrorNotABug() {
        // Each is within 1e-9..1e9, but training rescales the smallest to 1: bot became 2e9 (exit 4).
        CliRunner.Result r = train("--class-weights", "normal=0.5,bot=1e9,troll=1");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("invalid --class-weights 'normal=0.5,bot=1e9,troll=1': the largest weight may be"
                + " at most 1000000000 times the smallest (only ratios matter), got 1000000000 and 0.5"), r.err());
        assertEquals(ExitCode.OK, train("--class-weights", "normal=1e-9,bot=1,troll=0.5").exitCode());
    }

    @Test
    void emptyTrainingSetIsAClearError() throws IOException {
        Path empty = FeaturesCsvFixture.write(dir.resolve("empty.csv"), List.of());
        CliRunner.Result r = CliRunner.run("train", "--in", empty.toString(), "--out", dir.resolve("e").toString());
        assertEquals(ExitCode.FAILURE, r.exitCode());
        assertTrue(r.err().contains("trollwatch: error:") && r.err().contains("empty"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("e.model")));
    }

    @Test
    void missingClassIsAClearError() throws IOException {
        Path noTroll = FeaturesCsvFixture.write(dir.resolve("nt.csv"),
                rows.stream().filter(x -> x.label() != dev.trollwatch.features.Label.TROLL).toList());
        CliRunner.Result r = CliRunner.run("train", "--in", noTroll.toString(), "--out", dir.resolve("nt").toString());
        assertEquals(ExitCode.FAILURE, r.exitCode());
        assertTrue(r.err().contains("class 'troll' is missing"), r.err());
    }

    @Test
    void badValueInTheFeaturesFileNamesLineAndColumn() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(data));
        lines.set(5, lines.get(5).replaceFirst(",(\\d+),", ",NaN,"));
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, lines);
        CliRunner.Result r = CliRunner.run("train", "--in", bad.toString(), "--out", dir.resolve("b").toString());
        assertEquals(ExitCode.FAILURE, r.exitCode());
        assertTrue(r.err().contains("bad.csv:6: column "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void trainsOnTheReferencePipelinesFeaturesFile() throws IOException {
        // Python conventions: True/False booleans, created_utc as a date-time, a few empty fields.
        Path golden = TestResources.copy("/features/parity-sample.features.csv.gz", dir);
        CliRunner.Result r = CliRunner.run("train", "--in", golden.toString(), "--out", dir.resolve("g").toString(), "--min-leaf", "20");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = JSON.readTree(dir.resolve("g.metrics.json").toFile());
        assertEquals(1994, m.at("/data/rows_read").asLong());
        assertTrue(m.at("/tree/min_leaf_rows").asLong() >= 20);
    }

    @Test
    void aFileThatIsNeitherFeaturesNorADumpIsRefused() throws IOException {
        Path dump = dir.resolve("dump.csv");
        Files.writeString(dump, "banned_by,no_follow,link_id\n,true,t3_x\n");
        CliRunner.Result r = CliRunner.run("train", "--in", dump.toString(), "--out", dir.resolve("d").toString());
        assertEquals(ExitCode.FAILURE, r.exitCode());
        assertTrue(r.err().startsWith("trollwatch: error: " + dump), r.err());
        assertTrue(r.err().contains("missing required columns"), r.err());
    }
}
