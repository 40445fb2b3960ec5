package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.modelio.sklearn.SklearnFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSklearnCommandTest {
    private static final Path MARKER = Path.of("/tmp/trollwatch-pickle-payload-ran");

    @TempDir
    Path dir;

    private static String fixture(String name) {
        return SklearnFixtures.path(name).toString();
    }

    @Test
    void importsAPickleIntoJsonAndOnnxThatPredictAndEvaluateUse() throws Exception {
        Path base = dir.resolve("legacy");
        CliRunner.Result r = CliRunner.run("import-sklearn", "--in", fixture("legacy-0.20-layout-p3.pkl"),
                "--out", base.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("scikit-learn 0.20.2 DecisionTreeClassifier (criterion gini, max_depth 3"), r.out());
        assertTrue(r.out().contains("rounded to float32"), r.out());
        assertTrue(Files.isRegularFile(Path.of(base + ".json")) && Files.isRegularFile(Path.of(base + ".onnx")));
        assertFalse(Files.exists(Path.of(base + ".model")));

        String dump = Path.of(getClass().getResource("/dumps/sample.csv").toURI()).toString();
        Path predictions = dir.resolve("p.csv");
        CliRunner.Result p = CliRunner.run("predict", "--model", base + ".onnx", "--in", dump, "--out", predictions.toString());
        assertEquals(0, p.exitCode(), p.err());
        List<String> lines = Files.readAllLines(predictions);
        // the same predictions as scoring the featurized dump with the imported .json model in-process
        ScoringModel json = ModelFiles.load(Path.of(base + ".json"));
        Featurizer featurizer = new Featurizer(PatternSentiment.shared());
        int i = 1;
        try (CommentReader reader = DumpFixtures.open(Path.of(dump), null, ErrorPolicy.FAIL)) {
            while (reader.hasNext()) {
                Comment c = reader.next();
                String label = json.score(featurizer.featurize(c).values()).label().text();
                assertEquals(label, lines.get(i++).split(",")[3], "row " + (i - 1));
            }
        }
        assertEquals(lines.size(), i);

        CliRunner.Result e = CliRunner.run("evaluate", "--model", base.toString(), "--in", dump);
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(e.out().contains("Accuracy:"), e.out());
    }

    @Test
    void refusesAnOutputThatWouldReplaceThePickle() throws Exception {
        for (String extension : List.of(".json", ".onnx")) {
            Path pickle = dir.resolve("legacy" + extension);
            Files.copy(Path.of(fixture("legacy-0.20-layout-p3.pkl")), pickle);
            byte[] bytes = Files.readAllBytes(pickle);
            CliRunner.Result r = CliRunner.run("import-sklearn", "--in", pickle.toString(),
                    "--out", dir.resolve("legacy").toString());
            assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
            assertTrue(r.err().contains("--out " + pickle + " is the --in file"), r.err());
            assertArrayEquals(bytes, Files.readAllBytes(pickle), "the pickle is untouched");
            Files.delete(pickle);
            assertFalse(Files.exists(dir.resolve("legacy.json")) || Files.exists(dir.resolve("legacy.onnx")));
        }
    }

    @Test
    void aPicklePayloadIsRefusedWithExitOneNothingWrittenNothingRun() throws Exception {
        Files.deleteIfExists(MARKER);
        Path base = dir.resolve("evil");
        for (String name : List.of("hostile-os-system-p3.pkl", "hostile-payload-in-state-p4.pkl")) {
            CliRunner.Result r = CliRunner.run("import-sklearn", "--in", fixture(name), "--out", base.toString());
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().contains("trollwatch: error: ") && r.err().contains("refused: global posix.system"), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertFalse(Files.exists(Path.of(base + ".json")) || Files.exists(Path.of(base + ".onnx")));
            assertFalse(Files.exists(MARKER), "the payload ran");
        }
    }

    @Test
    void aTruncatedPickleIsRefusedWithExitOne() throws Exception {
        byte[] good = Files.readAllBytes(SklearnFixtures.path("depth1-p3.pkl"));
        Path cut = dir.resolve("cut.pkl");
        Files.write(cut, Arrays.copyOf(good, good.length - 10));
        CliRunner.Result r = CliRunner.run("import-sklearn", "--in", cut.toString(), "--out", dir.resolve("m").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(cut + ": byte ") && r.err().contains("truncated"), r.err());
        CliRunner.Result missing = CliRunner.run("import-sklearn", "--in", dir.resolve("nope.pkl").toString(),
                "--out", dir.resolve("m").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void aWekaFileOfAnotherModelAtTheSameBaseIsNotLeftBesideTheImport() throws Exception {
        Path base = dir.resolve("m");
        Files.writeString(Path.of(base + ".model"), "an older trained model");
        CliRunner.Result r = CliRunner.run("import-sklearn", "--in", fixture("depth1-p3.pkl"), "--out", base.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(base + ".model exists"), r.err());
        assertFalse(Files.exists(Path.of(base + ".json")));
    }

    @Test
    void aMetricsFileOfAnotherModelOrAFolderAtTheBaseIsRefused() throws Exception {
        // train's metrics of an older model stayed beside the imported files, quoting the old id
        Path base = dir.resolve("measured");
        Files.writeString(Path.of(base + ".metrics.json"), "{}");
        CliRunner.Result r = CliRunner.run("import-sklearn", "--in", fixture("depth1-p3.pkl"), "--out", base.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(base + ".metrics.json exists (another model's metrics file)"), r.err());
        assertFalse(Files.exists(Path.of(base + ".json")));
        // an existing folder as --out wrote folder.json beside it
        Path folder = Files.createDirectories(dir.resolve("models-dir"));
        CliRunner.Result d = CliRunner.run("import-sklearn", "--in", fixture("depth1-p3.pkl"), "--out", folder.toString());
        assertEquals(ExitCode.USAGE, d.exitCode(), d.err());
        assertFalse(Files.exists(Path.of(folder + ".json")));
    }

    @Test
    void anOutWithAModelFilesExtensionIsRefusedWithTheBaseMeant() {
        Path base = dir.resolve("sk");
        CliRunner.Result r = CliRunner.run("import-sklearn", "--in", fixture("depth1-p3.pkl"), "--out", base + ".JSON");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("--out is a base name: use " + base + " (it writes " + base + ".json and "), r.err());
        assertFalse(Files.exists(Path.of(base + ".JSON.json")));
        // m.metrics would write its model as m.metrics.json, the metrics file of the set m
        CliRunner.Result metrics = CliRunner.run("import-sklearn", "--in", fixture("depth1-p3.pkl"), "--out", base + ".metrics");
        assertEquals(ExitCode.USAGE, metrics.exitCode(), metrics.err());
        assertTrue(metrics.err().contains("--out is a base name: use " + base + " "), metrics.err());
        CliRunner.Result dash = CliRunner.run("import-sklearn", "--in", fixture("depth1-p3.pkl"), "--out", "-");
        assertEquals(ExitCode.USAGE, dash.exitCode(), "it wrote -.json and -.onnx: " + dash.err());
    }

    @Test
    void featureNamesCanBeGivenAndUsageErrorsExitTwo() {
        CliRunner.Result r = CliRunner.run("import-sklearn", "--in", fixture("depth1-p3.pkl"),
                "--out", dir.resolve("m").toString(), "--feature-names", "no_follow,over_18");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("the given feature names list 2 features, the tree has 20"), r.err());
        assertEquals(2, CliRunner.run("import-sklearn", "--out", dir.resolve("m").toString()).exitCode());
        CliRunner.Result help = CliRunner.run("import-sklearn", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--feature-names") && help.out().contains("never executed"), help.out());
    }
}
