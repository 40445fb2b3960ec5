package dev.trollwatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path cliOut = dir.resolve("cli" + extension + ".csv");
        CliProcess.Result cli = CliProcess.trollwatch("predict", "--model", model, "--in", golden.toString(),
                "--out", cliOut.toString());
        assertEquals(0, cli.exitCode(), cli.err());

        Path csv = dir.resolve("spark" + extension + ".csv.d");
        CliProcess.Result r = CliProcess.spark("predict", "--model", model, "--in", golden.toString(),
                "--out", csv.toString(), "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        String expected = Files.readString(cliOut, StandardCharsets.UTF_8);
        assertEquals(expected, SparkTestSession.csvText(csv));

        Path parquet = dir.resolve("spark" + extension + ".parquet");
        assertEquals(0, CliProcess.spark("predict", "--model", model, "--in", golden.toString(),
                "--out", parquet.toString()).exitCode());
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(expected)).getRecords();
        List<Row> rows = SparkTestSession.parquetInOrder(spark, parquet);
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
        Path cliOut = dir.resolve("cli-explained.csv");
        CliProcess.Result cli = CliProcess.trollwatch("predict", "--model", model, "--in", golden.toString(),
                "--out", cliOut.toString(), "--with-features", "--explain");
        assertEquals(0, cli.exitCode(), cli.err());
        Path csv = dir.resolve("spark-explained.csv.d");
        CliProcess.Result r = CliProcess.spark("predict", "--model", model, "--in", golden.toString(),
                "--out", csv.toString(), "--format", "csv", "--with-features", "--explain");
        assertEquals(0, r.exitCode(), r.err());
        String expected = Files.readString(cliOut, StandardCharsets.UTF_8);
        assertTrue(expected.startsWith("author,link_id,created_utc,predicted,p_bot,p_normal,p_troll,")
                && expected.contains(",path,leaf_rows_bot,leaf_rows_normal,leaf_rows_troll\n"), expected.lines().findFirst().orElse(""));
        assertEquals(expected, SparkTestSession.csvText(csv));

        Path parquet = dir.resolve("spark-explained.parquet");
        assertEquals(0, CliProcess.spark("predict", "--model", model, "--in", golden.toString(),
                "--out", parquet.toString(), "--explain").exitCode());
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(expected)).getRecords();
        List<Row> rows = SparkTestSession.parquetInOrder(spark, parquet);
        assertEquals(records.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(records.get(i).get("path"), rows.get(i).getAs("path"), "row " + (i + 1));
            for (Label l : Label.values()) {
                assertEquals(Long.parseLong(records.get(i).get("leaf_rows_" + l.text())),
                        (long) rows.get(i).getAs("leaf_rows_" + l.text()), "row " + (i + 1));
            }
        }
    }
}
