package dev.trollwatch.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.KnownBots;
import dev.trollwatch.features.Label;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.model.Provenance;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.serve.ScoringServer;
import dev.trollwatch.serve.ServeOptions;
import dev.trollwatch.spark.job.DumpOptions;
import dev.trollwatch.spark.job.FeatureTable;
import dev.trollwatch.spark.job.FeaturesJob;
import dev.trollwatch.spark.job.TableFormat;
import dev.trollwatch.spark.job.MllibTree;
import dev.trollwatch.spark.job.TrainJob;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLlib and J48 trained on Spark; the model files score as Spark does and the CLI and server load them. */
class SparkTrainTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    /** The reference features CSV (the CLI's evaluate reads it). */
    static Path features;
    /** The same rows as the features job writes them (what train on Spark reads). */
    static Path table;
    static Path base;
    static TrainJob.Result mllib;

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkTestSession.start();
        features = SparkTestSession.resource("/golden/parity-sample.features.csv.gz");
        table = dir.resolve("features.parquet");
        FeaturesJob.run(spark, SparkTestSession.resource("/golden/parity-sample.csv.gz").toString(), DumpOptions.DEFAULT,
                table.toString(), TableFormat.PARQUET, false);
        base = dir.resolve("spark-model");
        mllib = TrainJob.run(spark, table.toString(), base.toString(), TrainJob.Options.DEFAULT,
                new Provenance("test", null, "2026-12-01T00:00:00Z"));
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    @Test
    void jsonAndOnnxFilesGiveExactlySparksOwnPredictionsOnEveryRow() throws Exception {
        List<Row> rows = mllib.mllibModel().transform(MllibTree.withVector(FeatureTable.read(spark, table.toString())))
                .select(MllibTree.FEATURES, "prediction").collectAsList();
        assertTrue(rows.size() > 1900);
        ScoringModel json = ModelFiles.load(Path.of(base + ".json"));
        ScoringModel onnx = ModelFiles.load(Path.of(base + ".onnx"));
        float[][] input = new float[rows.size()][FeatureSchema.SIZE];
        for (int i = 0; i < rows.size(); i++) {
            double[] v = ((Vector) rows.get(i).get(0)).toArray();
            Label spark = Label.values()[(int) rows.get(i).getDouble(1)];
            assertEquals(spark, json.score(v).label(), "row " + (i + 1) + ", .json");
            assertEquals(spark, onnx.score(v).label(), "row " + (i + 1) + ", .onnx read back");
            for (int f = 0; f < v.length; f++) {
                input[i][f] = (float) v[f];
            }
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(Files.readAllBytes(Path.of(base + ".onnx")), new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(env, input);
             OrtSession.Result r = session.run(Map.of("features", t))) {
            String[] labels = (String[]) r.get("label").orElseThrow().getValue();
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(Label.values()[(int) rows.get(i).getDouble(1)].text(), labels[i], "row " + (i + 1) + ", ONNX Runtime");
            }
        }
    }

    @Test
    void theModelRecordsItsLearnerAndBothLearnersMetrics() {
        Map<String, Object> params = mllib.model().info().params();
        assertEquals(TrainJob.Learner.MLLIB.description(), params.get("learner"));
        assertEquals(3, params.get("max_depth"));
        assertEquals(100, params.get("min_leaf"));
        assertTrue(mllib.model().tree().depth() <= 3);
        Map<String, Object> metrics = mllib.model().info().metrics();
        assertEquals(mllib.mllib().test().accuracy(), (double) metrics.get("accuracy"), 0.0);
        assertTrue(metrics.get("j48_on_the_same_test_rows") instanceof Map<?, ?>, metrics.toString());
        assertEquals(mllib.mllib().test().total(), mllib.j48().test().total(), "both evaluated on the same rows");
        // Every leaf keeps at least 100 training rows and its row counts add up to the training set.
        long rows = 0;
        for (var leaf : mllib.model().tree().leaves()) {
            long n = java.util.Arrays.stream(leaf.rows()).sum();
            assertTrue(n >= 100, "leaf with " + n + " rows");
            rows += n;
        }
        assertEquals(mllib.trainRows().values().stream().mapToLong(Long::longValue).sum(), rows);
    }

    @Test
    void knownBotsAreRelabelledAsTheCliDoes() throws Exception {
        Dataset<Row> original = FeatureTable.read(spark, table.toString());
        assertEquals(KnownBots.relabel(featureRows(original)).changed(), mllib.relabelled(), "train reports the count");
        assertEquals(true, mllib.model().info().params().get("relabel_bots"));
        // Unflag about half of the bot rows (as the 2019 stream did), then relabel both ways.
        Column target = functions.col(FeatureTable.TARGET);
        Dataset<Row> unflagged = original.withColumn(FeatureTable.TARGET,
                functions.when(target.equalTo("bot").and(functions.pmod(functions.hash(functions.col(FeatureTable.CREATED_UTC)),
                        functions.lit(2)).equalTo(0)), functions.lit("normal")).otherwise(target));
        KnownBots.Relabelled cli = KnownBots.relabel(featureRows(unflagged));
        assertTrue(cli.changed() > 0, "some bot rows were unflagged");
        Map<String, Label> expected = new HashMap<>();
        for (FeatureRow r : cli.rows()) {
            expected.put(r.author() + "|" + r.linkId() + "|" + r.createdUtc(), r.label());
        }
        List<Row> relabelled = TrainJob.relabelKnownBots(unflagged).collectAsList();
        assertEquals(expected.size(), relabelled.size());
        long changed = 0;
        for (Row r : relabelled) {
            FeatureRow f = FeatureTable.toFeatureRow(r);
            assertEquals(expected.get(f.author() + "|" + f.linkId() + "|" + f.createdUtc()), f.label(), f.author());
            changed += r.getBoolean(r.fieldIndex(TrainJob.RELABELLED)) ? 1 : 0;
        }
        assertEquals(cli.changed(), changed);
    }

    private static List<FeatureRow> featureRows(Dataset<Row> table) {
        List<FeatureRow> rows = new ArrayList<>();
        for (Row r : table.collectAsList()) {
            rows.add(FeatureTable.toFeatureRow(r));
        }
        return rows;
    }

    @Test
    void serveLoadsTheSparkModelAndAnswers() throws Exception {
        ScoringModel model = ModelFiles.load(Path.of(base + ".json"));
        Featurizer featurizer = new Featurizer(PatternSentiment.shared());
        try (ScoringServer server = ScoringServer.start(model, c -> featurizer.featurize(c).values(), ServeOptions.defaults(0))) {
            String body = Files.readString(SparkTestSession.resource("/serve/automoderator-request.json"));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/predict"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(model.tree().leaves().stream().anyMatch(
                    l -> answer.body().contains("\"bot\":" + l.probabilities()[Label.BOT.ordinal()])),
                    "answered with one of the model's leaves: " + answer.body());
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(health.body().contains("\"model_id\":\"" + mllib.model().info().modelId() + "\""), health.body());
        }
    }

    @Test
    void j48OnASparkSampleWritesAllThreeFilesAndTheCliEvaluatesThem() {
        Path j48 = dir.resolve("spark-j48");
        CliProcess.Result r = CliProcess.spark("train", "--in", table.toString(), "--out", j48.toString(),
                "--learner", "j48", "--j48-max-rows", "1500");
        assertEquals(0, r.exitCode(), r.err());
        for (String ext : new String[] {".model", ".json", ".onnx"}) {
            assertTrue(Files.isRegularFile(Path.of(j48 + ext)), ext);
            CliProcess.Result eval = CliProcess.trollwatch("evaluate", "--model", j48 + ext, "--in", features.toString());
            assertEquals(0, eval.exitCode(), ext + ": " + eval.err());
        }
        CliProcess.Result evalMllib = CliProcess.trollwatch("evaluate", "--model", base + ".onnx", "--in", features.toString());
        assertEquals(0, evalMllib.exitCode(), evalMllib.err());
    }

    @Test
    void aSummaryThatCannotBeWrittenFailsTheJob() throws Exception {
        PrintStream saved = System.out;
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        CliProcess.Result r;
        try (PrintStream failing = new PrintStream(full, true, StandardCharsets.UTF_8)) {
            System.setOut(failing);
            r = CliProcess.spark("train", "--in", table.toString(), "--out", dir.resolve("no-stdout").toString(),
                    "--learner", "mllib");
        } finally {
            System.setOut(saved);
        }
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("trollwatch-spark: error: I/O error: standard output could not be written"), r.err());
    }

    @Test
    void refusesABaseWhoseModelFileIsTheInput() throws Exception {
        Path input = dir.resolve("clash.json");
        CliProcess.Result cli = CliProcess.trollwatch("features", "--in",
                SparkTestSession.resource("/golden/parity-sample.csv.gz").toString(), "--out", input.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        byte[] before = Files.readAllBytes(input);
        CliProcess.Result r = CliProcess.spark("train", "--in", input.toString(), "--out", dir.resolve("clash").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("would replace the input") && r.err().contains("clash.json"), r.err());
        assertArrayEquals(before, Files.readAllBytes(input), "the features file is untouched");
        assertFalse(Files.exists(dir.resolve("clash.onnx")));
    }

    @Test
    void aLocalBaseInAFolderThatTakesNoNewFilesFailsBeforeAnySparkJob() {
        // sysfs takes no new file, even from root; the old check found this only when saving, after the training
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "a Linux /sys");
        int jobsBefore = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
        IOException e = assertThrows(IOException.class, () -> TrainJob.run(spark, table.toString(), "/sys/kernel/tw",
                TrainJob.Options.DEFAULT, new Provenance("test", null, "2026-12-01T00:00:00Z")));
        assertTrue(e.getMessage().startsWith("/sys/kernel/tw.json: cannot be created, /sys/kernel takes no new files"),
                e.getMessage());
        assertEquals(jobsBefore, spark.sparkContext().statusTracker().getJobIdsForGroup(null).length, "no Spark job ran");
    }

    @Test
    void aTableWithNoRowsIsSaidToBeEmptyNotToLackABot() {
        Path dump = dir.resolve("header-only.csv");
        Path features = dir.resolve("header-only.features.csv");
        assertEquals(0, CliProcess.trollwatch("generate", "--rows", "0", "--out", dump.toString()).exitCode());
        assertEquals(0, CliProcess.trollwatch("features", "--in", dump.toString(), "--out", features.toString()).exitCode());
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> TrainJob.run(spark, features.toString(),
                dir.resolve("none").toString(), TrainJob.Options.DEFAULT, new Provenance("test", null, "2026-12-01T00:00:00Z")));
        assertEquals(features + ": no rows: nothing to train on", e.getMessage());
    }

    @Test
    void anMllibTrainRefusesABaseWithAnotherModelsWekaFile() throws Exception {
        assertRefusedBeside("stale", ".model", "an older j48 model", "stale.model exists (another model's Weka file)");
    }

    /** A train to {@code name} beside another model's {@code name + extension} is refused, and nothing is written. */
    private static void assertRefusedBeside(String name, String extension, String content, String expected)
            throws IOException {
        Path base = dir.resolve(name);
        Path other = Files.writeString(dir.resolve(name + extension), content);
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> TrainJob.run(spark, table.toString(),
                base.toString(), TrainJob.Options.DEFAULT, new Provenance("test", null, "2026-12-01T00:00:00Z")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(content, Files.readString(other));
        assertFalse(Files.exists(dir.resolve(name + ".json")) || Files.exists(dir.resolve(name + ".onnx")));
    }

    @Test
    void theSameRowsGiveTheSameMllibModelHoweverTheTableIsStoredOrPartitioned() throws Exception {
        // past 10,000 rows MLlib samples its candidate thresholds, and the sample followed the partitions:
        // one table stored as Parquet and as CSV gave two models
        Path dump = dir.resolve("many.csv.gz");
        assertEquals(0, CliProcess.trollwatch("generate", "--rows", "16000", "--seed", "7", "--out", dump.toString()).exitCode());
        Path parquet = dir.resolve("many.parquet");
        FeaturesJob.run(spark, dump.toString(), DumpOptions.DEFAULT, parquet.toString(), TableFormat.PARQUET, false);
        Path csv = dir.resolve("many-csv");
        FeaturesJob.run(spark, dump.toString(), DumpOptions.DEFAULT, csv.toString(), TableFormat.CSV, false);
        Path shuffled = dir.resolve("many-shuffled.parquet");
        spark.read().parquet(parquet.toString()).repartition(7).write().parquet(shuffled.toString());
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Path table : List.of(parquet, csv, shuffled)) {
            Path model = dir.resolve("canonical-" + table.getFileName());
            TrainJob.run(spark, table.toString(), model.toString(), TrainJob.Options.DEFAULT,
                    new Provenance("test", null, "2026-12-01T00:00:00Z"));
            ids.add(ModelFiles.load(Path.of(model + ".json")).modelId());
        }
        assertEquals(1, ids.size(), ids.toString());
    }

    @Test
    void aTrainRefusesABaseWithAnotherModelsMetricsFile() throws Exception {
        // the CLI's metrics file of an older model stayed beside the new model files, quoting the old id
        assertRefusedBeside("measured", ".metrics.json", "{\"model\": {\"model_id\": \"old\"}}",
                "measured.metrics.json exists (another model's metrics file)");
    }

    @Test
    void readsFeaturesCsvAsTheCliDoesThe2019ConventionsIncluded() throws Exception {
        // the golden file writes True/False and created_utc as a date-time, as the 2019 notebooks did
        CliProcess.Result r = CliProcess.spark("train", "--in", features.toString(), "--out", dir.resolve("from-2019").toString());
        assertEquals(0, r.exitCode(), r.err());
        long trainRows = 0;
        for (Number n : ModelFiles.load(Path.of(dir.resolve("from-2019") + ".json")).info().trainingRows().values()) {
            trainRows += n.longValue();
        }
        assertTrue(trainRows > 1994 * 0.7 && trainRows < 1994 * 0.9, "about 80% of the 1,994 rows train: " + trainRows);
    }

    /** The golden features CSV, written to {@code out} with one cell of data line {@code line} (0 = header) replaced. */
    private static Path goldenWith(int line, String column, String value, Path out) throws IOException {
        List<String> lines;
        try (var gz = new java.util.zip.GZIPInputStream(Files.newInputStream(features))) {
            lines = new ArrayList<>(List.of(new String(gz.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")));
        }
        List<String> header = List.of(lines.get(0).split(","));
        String[] cells = lines.get(line).split(",", -1);
        cells[header.indexOf(column)] = value;
        lines.set(line, String.join(",", cells));
        return Files.write(out, lines);
    }

    private static String cell(Path csv, int line, String column) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.get(line).split(",", -1)[List.of(lines.get(0).split(",")).indexOf(column)];
    }

    @Test
    void aBadValueInAFeaturesCsvNamesFileLineAndColumn() throws Exception {
        Path bad = goldenWith(5, "recent_avg_score", "NaN", dir.resolve("bad.features.csv"));
        CliProcess.Result r = CliProcess.spark("train", "--in", bad.toString(), "--out", dir.resolve("bad").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("bad.features.csv:6: column recent_avg_score: expected a finite number, got \"NaN\""), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(dir.resolve("bad.json")));
    }

    @Test
    void aRowWithoutALabelIsNamedByItsKey() throws Exception {
        // "rows without a usable target ((empty) ×1)" named neither file nor row
        Path unlabelled = goldenWith(81, "target", "", dir.resolve("unlabelled.features.csv"));
        String author = cell(unlabelled, 81, "author");
        CliProcess.Result r = CliProcess.spark("train", "--in", unlabelled.toString(), "--out", dir.resolve("nolabel").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("rows without a usable target ((empty) ×1; one of them: author " + author + ", link_id "),
                r.err());
    }

    @Test
    void aParquetTableIsHeldToTheFeaturesCsvRules() throws Exception {
        Dataset<Row> golden = FeatureTable.read(spark, features.toString());
        Column someRows = functions.col(FeatureTable.AUTHOR).startsWith("a");
        Column score = functions.col("recent_avg_score");
        golden.withColumn("recent_avg_score", functions.when(someRows, functions.lit(null).cast("double")).otherwise(score))
                .write().parquet(dir.resolve("nulls.parquet").toString());
        golden.withColumn("recent_avg_score", functions.when(someRows, functions.lit(Double.NaN)).otherwise(score))
                .write().parquet(dir.resolve("nans.parquet").toString());
        golden.withColumn("recent_avg_score", score.cast("string")).write().parquet(dir.resolve("text.parquet").toString());

        CliProcess.Result nulls = CliProcess.spark("train", "--in", dir.resolve("nulls.parquet").toString(), "--out", dir.resolve("nulls").toString());
        assertEquals(0, nulls.exitCode(), "a null feature is 0, as an empty one in a CSV: " + nulls.err());
        CliProcess.Result nans = CliProcess.spark("train", "--in", dir.resolve("nans.parquet").toString(), "--out", dir.resolve("nans").toString());
        assertEquals(1, nans.exitCode(), nans.err());
        assertTrue(nans.err().matches("(?s).*\\.parquet: row \\d+, column 'recent_avg_score': value NaN is not finite.*"), nans.err());
        CliProcess.Result text = CliProcess.spark("train", "--in", dir.resolve("text.parquet").toString(), "--out", dir.resolve("text").toString());
        assertEquals(1, text.exitCode(), text.err());
        assertTrue(text.err().contains("column 'recent_avg_score' is string; a features table has it as a number"), text.err());
        for (CliProcess.Result r : List.of(nans, text)) {
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }
}
