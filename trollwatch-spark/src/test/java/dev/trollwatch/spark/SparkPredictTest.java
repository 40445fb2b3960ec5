package dev.trollwatch.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.Label;
import dev.trollwatch.spark.job.FeatureTable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The predict job on a real local[2] session against {@code trollwatch predict}, row for row. */
class SparkPredictTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path golden;
    static Path base;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.start();
        golden = SparkTestSession.resource("/golden/parity-sample.csv.gz");
        base = dir.resolve("cli-model");
        CliProcess.Result r = CliProcess.trollwatch("train", "--in",
                SparkTestSession.resource("/golden/parity-sample.features.csv.gz").toString(), "--out", base.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {".json", ".onnx", ".model"})
    void predictionsEqualTheClisRowForRow(String extension) throws IOException {
        String model = base + extension;
        String expected = cliCsvEqualsSparkCsv(model, "plain" + extension);
        List<CSVRecord> records = records(expected);
        List<Row> rows = sparkParquet(model, "plain" + extension);
        assertEquals(records.size(), rows.size());
        assertTrue(rows.size() > 1990, "every comment scored, duplicates included");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            CSVRecord rec = records.get(i);
            assertEquals(rec.get("author"), row.getAs("author"), "row " + (i + 1));
            assertEquals(rec.get("predicted"), row.getAs("predicted"), "row " + (i + 1));
            for (Label l : Label.values()) {
                assertEquals(Double.parseDouble(rec.get("p_" + l.text())), (double) row.getAs("p_" + l.text()), 0.0,
                        "row " + (i + 1) + " p_" + l.text());
            }
        }
    }

    @Test
    void explainedPredictionsWithFeaturesAreTheClisFileByteForByte() throws IOException {
        String model = base + ".json";
        String expected = cliCsvEqualsSparkCsv(model, "explained", "--with-features", "--explain");
        assertTrue(expected.startsWith("author,link_id,created_utc,predicted,p_bot,p_normal,p_troll,")
                && expected.contains(",path,leaf_rows_bot,leaf_rows_normal,leaf_rows_troll\n"), expected.lines().findFirst().orElse(""));
        List<CSVRecord> records = records(expected);
        List<Row> rows = sparkParquet(model, "explained", "--explain");
        assertEquals(records.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(records.get(i).get("path"), rows.get(i).getAs("path"), "row " + (i + 1));
            for (Label l : Label.values()) {
                assertEquals(Long.parseLong(records.get(i).get("leaf_rows_" + l.text())),
                        (long) rows.get(i).getAs("leaf_rows_" + l.text()), "row " + (i + 1));
            }
        }
    }

    @Test
    void overwriteRefusesAnOutputThatHoldsTheModel() throws IOException {
        Path table = Files.createDirectories(dir.resolve("holds-model"));
        Path model = Files.copy(Path.of(base + ".json"), table.resolve("m.json"));
        byte[] before = Files.readAllBytes(model);
        CliProcess.Result r = CliProcess.spark(args(model.toString(), table, List.of("--overwrite")));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("--out " + table + " holds the input ") && r.err().contains("m.json"), r.err());
        assertArrayEquals(before, Files.readAllBytes(model), "the model is still there, unchanged");
    }

    @Test
    void aFeaturesCsvIsScoredAsTheCliScoresIt() throws IOException {
        Path features = SparkTestSession.resource("/golden/parity-sample.features.csv.gz");
        String model = base + ".json";
        Path cliOut = dir.resolve("cli-from-features.csv");
        CliProcess.Result cli = CliProcess.trollwatch("predict", "--model", model, "--in", features.toString(),
                "--out", cliOut.toString(), "--with-features", "--explain");
        assertEquals(0, cli.exitCode(), cli.err());
        Path csv = dir.resolve("spark-from-features.csv.d");
        CliProcess.Result r = CliProcess.spark("predict", "--model", model, "--in", features.toString(),
                "--out", csv.toString(), "--format", "csv", "--with-features", "--explain");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("is a features table"), r.err());
        assertEquals(Files.readString(cliOut, StandardCharsets.UTF_8), SparkTestSession.csvText(csv));
    }

    @Test
    void aParquetFeaturesTableInSeveralFilesIsScoredInInputOrder() throws IOException {
        Path features = SparkTestSession.resource("/golden/parity-sample.features.csv.gz");
        Path table = dir.resolve("features-table.parquet");
        // Four files of 500 rows, the last one smaller: Spark would read the larger ones first.
        FeatureTable.read(spark, features.toString()).coalesce(1).write().option("maxRecordsPerFile", 500)
                .parquet(table.toString());
        String model = base + ".onnx";
        Path cliOut = dir.resolve("cli-from-features-plain.csv");
        assertEquals(0, CliProcess.trollwatch("predict", "--model", model, "--in", features.toString(),
                "--out", cliOut.toString()).exitCode());
        Path csv = dir.resolve("spark-from-parquet-table.csv.d");
        CliProcess.Result r = CliProcess.spark("predict", "--model", model, "--in", table.toString(),
                "--out", csv.toString(), "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Files.readString(cliOut, StandardCharsets.UTF_8), SparkTestSession.csvText(csv));
    }

    /**
     * Runs {@code trollwatch predict} and Spark's predict {@code --format csv} on the golden dump with
     * the same options, asserts the two files are equal byte for byte, and returns the CLI's text.
     */
    private static String cliCsvEqualsSparkCsv(String model, String name, String... options) throws IOException {
        Path cliOut = dir.resolve("cli-" + name + ".csv");
        CliProcess.Result cli = CliProcess.trollwatch(args(model, cliOut, List.of(options)));
        assertEquals(0, cli.exitCode(), cli.err());
        Path csv = dir.resolve("spark-" + name + ".csv.d");
        List<String> sparkOptions = new ArrayList<>(List.of(options));
        sparkOptions.addAll(List.of("--format", "csv"));
        CliProcess.Result r = CliProcess.spark(args(model, csv, sparkOptions));
        assertEquals(0, r.exitCode(), r.err());
        String expected = Files.readString(cliOut, StandardCharsets.UTF_8);
        assertEquals(expected, SparkTestSession.csvText(csv));
        return expected;
    }

    /** Spark's predict to Parquet (the default format), rows in input order. */
    private static List<Row> sparkParquet(String model, String name, String... options) {
        Path parquet = dir.resolve("spark-" + name + ".parquet");
        assertEquals(0, CliProcess.spark(args(model, parquet, List.of(options))).exitCode());
        return SparkTestSession.parquetInOrder(spark, parquet);
    }

    /** {@code predict --model M --in GOLDEN --out OUT OPTIONS…} */
    private static String[] args(String model, Path out, List<String> options) {
        List<String> a = new ArrayList<>(List.of("predict", "--model", model, "--in", golden.toString(),
                "--out", out.toString()));
        a.addAll(options);
        return a.toArray(String[]::new);
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }
}
