package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.generate.CommentGenerator;
import dev.trollwatch.generate.GeneratorSettings;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.OutputFormat;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.modelio.ModelFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PredictCommandTest {
    private static final int ROWS = 400;

    @TempDir
    static Path dir;

    private static List<Comment> comments;

    @BeforeAll
    static void writeDumps() throws IOException {
        comments = new ArrayList<>();
        new CommentGenerator(new GeneratorSettings(ROWS, 31, 0.1, 0.05)).forEachRemaining(comments::add);
        for (OutputFormat f : OutputFormat.values()) {
            DumpFixtures.writeDump(dir.resolve("dump." + f.name().toLowerCase() + ".gz"), f, comments);
        }
    }

    @Test
    void everyCommentGetsTheModelsPredictionFromTheTrainingFeaturizer() throws Exception {
        Path out = dir.resolve("pred.csv");
        CliRunner.Result r = CliRunner.run("predict", "--model", model("trollwatch.json"), "--in", dump("csv"),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> records = parse(Files.readString(out));
        assertEquals(ROWS, records.size());
        assertEquals(List.of("author", "link_id", "created_utc", "predicted", "p_bot", "p_normal", "p_troll"),
                records.get(0).getParser().getHeaderNames());
        ScoringModel model = ModelFiles.load(Path.of(model("trollwatch.json")));
        Featurizer featurizer = new Featurizer(PatternSentiment.shared());
        for (int i = 0; i < ROWS; i++) {
            Prediction p = model.score(featurizer.featurize(comments.get(i)).values());
            CSVRecord rec = records.get(i);
            assertEquals(comments.get(i).author(), rec.get("author"));
            assertEquals(comments.get(i).linkId(), rec.get("link_id"));
            assertEquals(p.label().text(), rec.get("predicted"), "row " + i);
            assertEquals(p.probabilities()[0], Double.parseDouble(rec.get("p_bot")), 0.0);
            assertEquals(p.probabilities()[2], Double.parseDouble(rec.get("p_troll")), 0.0);
        }
        assertEquals("", r.out(), "nothing on stdout when writing a file");
    }

    @Test
    void anUpperCaseGzOutputNameIsCompressed() throws IOException {
        // o.csv.GZ was written as plain CSV while M.JSON was read as a model
        Path gz = dir.resolve("upper.csv.GZ");
        CliRunner.Result r = CliRunner.run("predict", "--model", model("trollwatch.json"), "--in", dump("csv"),
                "--out", gz.toString());
        assertEquals(0, r.exitCode(), r.err());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(gz), 2);
        assertEquals(0x1f, head[0] & 0xff);
        assertEquals(0x8b, head[1] & 0xff);
    }

    @Test
    void aParquetOutputNameIsRefused() {
        // o.parquet got CSV without a word
        for (String name : List.of("p.parquet", "p.PARQ")) {
            Path parquet = dir.resolve(name);
            CliRunner.Result p = CliRunner.run("predict", "--model", model("trollwatch.json"), "--in", dump("csv"),
                    "--out", parquet.toString());
            assertEquals(ExitCode.USAGE, p.exitCode(), p.err());
            assertTrue(p.err().contains("not Parquet; scripts/trollwatch-spark writes Parquet"), p.err());
            assertFalse(Files.exists(parquet));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trollwatch.model", "trollwatch.onnx"})
    void everyModelFileOfOneModelPredictsTheSame(String file) throws Exception {
        CliRunner.Result json = CliRunner.run("-q", "predict", "--model", model("trollwatch.json"), "--in", dump("csv"));
        CliRunner.Result other = CliRunner.run("-q", "predict", "--model", model(file), "--in", dump("csv"));
        assertEquals(0, other.exitCode(), other.err());
        List<CSVRecord> a = parse(json.out());
        List<CSVRecord> b = parse(other.out());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).get("predicted"), b.get(i).get("predicted"), "row " + i);
            assertEquals(Double.parseDouble(a.get(i).get("p_normal")), Double.parseDouble(b.get(i).get("p_normal")), 1e-6);
        }
    }

    @Test
    void aFeaturesCsvPredictsLikeTheDumpItCameFrom() {
        Path features = dir.resolve("features.csv.gz");
        assertEquals(0, CliRunner.run("-q", "features", "--in", dump("csv"), "--out", features.toString()).exitCode());
        CliRunner.Result fromDump = CliRunner.run("-q", "predict", "--model", model("trollwatch.json"), "--in", dump("csv"));
        CliRunner.Result fromFeatures = CliRunner.run("-q", "predict", "--model", model("trollwatch.json"),
                "--in", features.toString());
        assertEquals(0, fromFeatures.exitCode(), fromFeatures.err());
        assertEquals(fromDump.out(), fromFeatures.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "psql"})
    void jsonLinesAndPsqlDumpsPredictLikeCsv(String format) {
        CliRunner.Result csv = CliRunner.run("-q", "predict", "--model", model("trollwatch.json"), "--in", dump("csv"));
        CliRunner.Result other = CliRunner.run("-q", "predict", "--model", model("trollwatch.json"), "--in", dump(format));
        assertEquals(0, other.exitCode(), other.err());
        assertEquals(csv.out(), other.out());
    }

    @Test
    void withFeaturesAddsTheTwentyFeaturesByName() throws Exception {
        CliRunner.Result r = CliRunner.run("-q", "predict", "--model", model("trollwatch.json"), "--in", dump("csv"),
                "--with-features");
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> records = parse(r.out());
        List<String> header = records.get(0).getParser().getHeaderNames();
        assertEquals(7 + FeatureSchema.SIZE, header.size());
        assertEquals(FeatureSchema.NAMES, header.subList(7, header.size()));
        double[] f = new Featurizer(PatternSentiment.shared()).featurize(comments.get(5)).values();
        for (int i = 0; i < FeatureSchema.SIZE; i++) {
            assertEquals(f[i], Double.parseDouble(records.get(5).get(FeatureSchema.NAMES.get(i))), 0.0);
        }
    }

    @Test
    void unusableModelFileFailsWithOneLineNamingIt() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"something else\"}");
        Path out = dir.resolve("never.csv");
        CliRunner.Result r = CliRunner.run("predict", "--model", bad.toString(), "--in", dump("csv"), "--out", out.toString());
        assertEquals(ExitCode.FAILURE, r.exitCode());
        assertTrue(r.err().contains("trollwatch: error: " + bad + ": field format"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out));
    }

    @Test
    void missingModelOptionIsAUsageError() {
        assertEquals(ExitCode.USAGE, CliRunner.run("predict", "--in", dump("csv")).exitCode());
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    @Test
    void askingToSkipMalformedRowsOfAFeaturesCsvSaysItIsReadStrictly() throws Exception {
        // --on-error skip was accepted without a word, and the first bad value failed the run anyway
        Path features = dir.resolve("strict.features.csv");
        assertEquals(ExitCode.OK, CliRunner.run("-q", "features", "--in", dump("csv"), "--out", features.toString()).exitCode());
        String note = features + " is a features CSV: skipping malformed rows applies to dumps";
        CliRunner.Result predict = CliRunner.run("predict", "--model", model("trollwatch.json"), "--in", features.toString(),
                "--on-error", "skip", "--out", dir.resolve("strict-predictions.csv").toString());
        assertEquals(ExitCode.OK, predict.exitCode(), predict.err());
        assertTrue(predict.err().contains(note), predict.err());
        CliRunner.Result train = CliRunner.run("train", "--in", features.toString(), "--on-error", "skip",
                "--out", dir.resolve("strict-model/tw").toString());
        assertTrue(train.err().contains(note), train.err());
        CliRunner.Result quiet = CliRunner.run("predict", "--model", model("trollwatch.json"), "--in", features.toString(),
                "--out", dir.resolve("strict-predictions-2.csv").toString());
        assertFalse(quiet.err().contains("skipping malformed rows"), quiet.err());
    }

    @Test
    void theOutputCannotBeAnotherFileOfTheModelsSet() throws Exception {
        // predict --model m.json --out m.onnx exited 0 and replaced the set's ONNX file with predictions
        Path set = dir.resolve("set");
        Files.createDirectories(set);
        for (String name : new String[] {"trollwatch.json", "trollwatch.onnx", "trollwatch.model"}) {
            Files.copy(Path.of(model(name)), set.resolve(name));
        }
        byte[] onnx = Files.readAllBytes(set.resolve("trollwatch.onnx"));
        CliRunner.Result r = CliRunner.run("predict", "--model", set.resolve("trollwatch.json").toString(),
                "--in", dump("csv"), "--out", set.resolve("trollwatch.onnx").toString());
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("--model"), r.err());
        assertArrayEquals(onnx, Files.readAllBytes(set.resolve("trollwatch.onnx")));
        CliRunner.Result viaWeka = CliRunner.run("predict", "--model", set.resolve("trollwatch.model").toString(),
                "--in", dump("csv"), "--out", set.resolve("trollwatch.json").toString());
        assertEquals(ExitCode.USAGE, viaWeka.exitCode(), viaWeka.err());
    }

    @Test
    void aModelEditedAfterItWasWrittenIsScoredWithAWarningThatItsIdIsStale() throws Exception {
        String original = Files.readString(Path.of(model("trollwatch.json")));
        String threshold = "\"threshold\" : 0.38461538461538464";
        assertTrue(original.contains(threshold));
        Path edited = Files.writeString(dir.resolve("edited.json"), original.replace(threshold, "\"threshold\" : 0.5"));
        CliRunner.Result r = CliRunner.run("predict", "--model", edited.toString(), "--in", dump("csv"),
                "--out", dir.resolve("edited-predictions.csv").toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains(edited + ": the file says model id 619f499525e0d34b, but its tree and parameters"
                + " have id "), r.err());
        CliRunner.Result untouched = CliRunner.run("predict", "--model", model("trollwatch.json"), "--in", dump("csv"),
                "--out", dir.resolve("untouched-predictions.csv").toString());
        assertFalse(untouched.err().contains("edited"), untouched.err());
    }

    private static String dump(String format) {
        return dir.resolve("dump." + format + ".gz").toString();
    }

    private static String model(String name) {
        try {
            return Path.of(PredictCommandTest.class.getResource("/modelio/v1/" + name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
