package dev.trollwatch.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.features.CommentDeduplicator;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.dump.CommentReaders;
import dev.trollwatch.io.dump.CsvCommentWriter;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.table.FeaturesCsvReader;
import dev.trollwatch.spark.job.CommentSource;
import dev.trollwatch.spark.job.DumpOptions;
import dev.trollwatch.spark.job.FeatureTable;
import dev.trollwatch.spark.job.FeaturesJob;
import dev.trollwatch.spark.job.TableFormat;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The features job on a real local[2] session against {@code trollwatch features} on the golden sample. */
class SparkFeaturesTest {
    private static final double TOLERANCE = 1e-12;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path golden;
    static Path cliFeatures;
    static List<FeatureRow> cli;
    static List<Comment> comments;

    @BeforeAll
    static void setUp() throws IOException {
        spark = SparkTestSession.start();
        golden = SparkTestSession.resource("/golden/parity-sample.csv.gz");
        cliFeatures = dir.resolve("cli.features.csv");
        CliProcess.Result r = CliProcess.trollwatch("features", "--in", golden.toString(), "--out", cliFeatures.toString());
        assertEquals(0, r.exitCode(), r.err());
        cli = FeaturesCsvReader.readAll(cliFeatures);
        comments = new ArrayList<>();
        try (CommentReader reader = CommentReaders.open(new FileInputStream(golden.toFile()), golden.toString(), null,
                ErrorPolicy.FAIL)) {
            reader.forEachRemaining(comments::add);
        }
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    @Test
    void oneFileInOnePartitionGivesTheCliFeatures() throws IOException {
        Path out = dir.resolve("one.parquet");
        FeaturesJob.Result r = FeaturesJob.run(spark, golden.toString(), DumpOptions.DEFAULT, out.toString(),
                TableFormat.PARQUET, false);
        assertEquals(comments.size(), r.rowsRead());
        assertEquals(cli.size(), r.rowsWritten());
        assertEquals(comments.size() - cli.size(), r.duplicates());
        assertTrue(r.duplicates() > 0, "the golden sample has duplicate keys");
        assertSameRows(cli, SparkTestSession.featureRows(spark, out));
    }

    @Test
    void csvOutputIsTheCliFileByteForByte() throws IOException {
        Path out = dir.resolve("one.csv");
        CliProcess.Result r = CliProcess.spark("features", "--in", golden.toString(), "--out", out.toString(),
                "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains(String.format(Locale.ROOT, "%,d rows written", cli.size())), r.err());
        assertEquals(Files.readString(cliFeatures, StandardCharsets.UTF_8), SparkTestSession.csvText(out));
    }

    @Test
    void severalFilesInSeveralPartitionsKeepTheFirstOccurrenceAcrossFiles() throws IOException {
        // Cut the dump into three clean-CSV files (as export writes), the first cut between the two
        // occurrences of a duplicated key, so de-duplication has to look across files and partitions.
        int secondOccurrence = firstRepeatIndex();
        int[] cuts = {secondOccurrence, secondOccurrence + (comments.size() - secondOccurrence) / 2};
        Path split = Files.createDirectories(dir.resolve("split"));
        int from = 0;
        for (int f = 0; f <= cuts.length; f++) {
            int to = f < cuts.length ? cuts[f] : comments.size();
            try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(split.resolve("part-" + f + ".csv.gz")));
                 CsvCommentWriter w = new CsvCommentWriter(os)) {
                for (Comment c : comments.subList(from, to)) {
                    w.write(c);
                }
            }
            from = to;
        }
        assertEquals(3, CommentSource.read(spark, split.toString(), DumpOptions.DEFAULT, FeatureTable.maker(),
                CommentSource.Counters.register(spark)).rdd().getNumPartitions());
        Path out = dir.resolve("split.parquet");
        FeaturesJob.Result r = FeaturesJob.run(spark, split.toString(), DumpOptions.DEFAULT, out.toString(),
                TableFormat.PARQUET, false);
        assertEquals(cli.size(), r.rowsWritten());
        assertSameRows(cli, SparkTestSession.featureRows(spark, out));
    }

    @Test
    void parquetInputAsRedshiftUnloadsItGivesTheSameFeatures() throws IOException {
        Path unload = dir.resolve("unload");
        typedTable(3).write().parquet(unload.toString());
        assertTrue(SparkTestSession.parts(unload, ".parquet").size() >= 3);
        Path out = dir.resolve("from-parquet.parquet");
        FeaturesJob.Result r = FeaturesJob.run(spark, unload.toString(), DumpOptions.DEFAULT, out.toString(),
                TableFormat.PARQUET, false);
        assertEquals(comments.size(), r.rowsRead());
        assertSameRows(cli, SparkTestSession.featureRows(spark, out));
    }

    @Test
    void aMalformedRowFailsWithItsFileAndLineOrIsSkippedAndCounted() throws IOException {
        List<String> lines = Files.readAllLines(SparkTestSession.resource("/dumps/sample.jsonl"));
        lines.set(2, "{not json");
        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, lines);

        CliProcess.Result failed = CliProcess.spark("features", "--in", bad.toString(), "--out",
                dir.resolve("bad-fail").toString());
        assertEquals(1, failed.exitCode(), failed.err());
        assertTrue(failed.err().contains("trollwatch-spark: error: " + bad.toUri().toString().replace("file:///", "file:/")
                + ":3: "), failed.err());
        assertTrue(failed.err().contains("invalid JSON"), failed.err());
        assertTrue(!failed.err().contains("\tat "), "no stack trace: " + failed.err());

        CliProcess.Result skipped = CliProcess.spark("features", "--in", bad.toString(), "--out",
                dir.resolve("bad-skip").toString(), "--on-error", "skip", "--format", "csv");
        assertEquals(0, skipped.exitCode(), skipped.err());
        assertTrue(skipped.err().contains("1 malformed row skipped"), skipped.err()); // singular for one
        String table = SparkTestSession.csvText(dir.resolve("bad-skip"));
        assertEquals(lines.size() - 1, table.lines().count() - 1, table);

        CliProcess.Result bounded = CliProcess.spark("features", "--in", bad.toString(), "--out",
                dir.resolve("bad-bounded").toString(), "--on-error", "skip", "--max-errors", "0");
        assertEquals(1, bounded.exitCode(), bounded.err());
        assertTrue(bounded.err().contains("more than 0 malformed rows"), bounded.err());
    }

    @Test
    void quietLeavesOnlyErrorsOnStderrAndVerboseNamesWhatLayUnderAFailure() throws IOException {
        CliProcess.Result quiet = CliProcess.spark("features", "-q", "--in", golden.toString(), "--out",
                dir.resolve("quiet").toString(), "--format", "csv");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals("", quiet.err(), "no summary line, no progress");
        assertTrue(SparkTestSession.csvText(dir.resolve("quiet")).lines().count() > 1000, "and the table is written");

        List<String> lines = Files.readAllLines(SparkTestSession.resource("/dumps/sample.jsonl"));
        lines.set(1, "{not json");
        Path bad = Files.write(dir.resolve("bad-verbose.jsonl"), lines);
        CliProcess.Result verbose = CliProcess.spark("features", "-v", "--in", bad.toString(), "--out",
                dir.resolve("bad-verbose").toString());
        assertEquals(1, verbose.exitCode(), verbose.err());
        assertTrue(verbose.err().contains("trollwatch-spark: error: "), verbose.err());
        assertTrue(verbose.err().contains("trollwatch-spark: caused by: "), verbose.err());
        assertTrue(!verbose.err().contains("\tat "), "one line per cause, no stack trace: " + verbose.err());
        CliProcess.Result plain = CliProcess.spark("features", "--in", bad.toString(), "--out",
                dir.resolve("bad-plain").toString());
        assertTrue(!plain.err().contains("caused by"), "only with -v: " + plain.err());
    }

    @Test
    void usageErrorsAndExistingOutputsGiveTheCliExitCodes() throws IOException {
        assertEquals(2, CliProcess.spark("features", "--in", golden.toString()).exitCode());
        CliProcess.Result orc = CliProcess.spark("features", "--in", golden.toString(), "--out", "x", "--format", "orc");
        assertEquals(2, orc.exitCode());
        assertTrue(orc.err().startsWith("trollwatch-spark: Invalid value for option '--format'"), orc.err());
        assertTrue(orc.err().contains("Try 'trollwatch-spark features --help'") && !orc.err().contains("Usage:"),
                "one line and a pointer to --help, not the whole usage: " + orc.err());
        // the message quoted the exception: "cannot convert 'xml' to InputFormat (java.lang.IllegalArgumentException: ..."
        CliProcess.Result xml = CliProcess.spark("features", "--in", golden.toString(), "--out", "x", "--in-format", "xml");
        assertEquals(2, xml.exitCode(), xml.err());
        assertTrue(xml.err().startsWith("trollwatch-spark: Invalid value for option '--in-format': unknown format 'xml';"),
                xml.err());
        assertFalse(xml.err().contains("java.lang"), xml.err());
        CliProcess.Result empty = CliProcess.spark("features", "--in", "", "--out", "x");
        assertEquals(2, empty.exitCode(), empty.err());
        assertTrue(empty.err().startsWith("trollwatch-spark: Invalid value for option '--in': an empty value"), empty.err());
        assertEquals(2, CliProcess.spark("features", "--in", golden.toString(), "--out", "x", "--max-errors", "3").exitCode());
        CliProcess.Result missing = CliProcess.spark("features", "--in", dir.resolve("nothing-here").toString(),
                "--out", dir.resolve("never").toString());
        assertEquals(1, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("no such file or directory"), missing.err());
        if (Files.isDirectory(Path.of("/sys/kernel"))) { // sysfs takes no new files, even from root
            CliProcess.Result unwritable = CliProcess.spark("features", "--in", golden.toString(), "--out", "/sys/kernel/features");
            assertEquals(1, unwritable.exitCode(), unwritable.err());
            assertTrue(unwritable.err().contains("/sys/kernel/features: cannot be created, /sys/kernel takes no new files"),
                    "checked before the job, not when its last stage writes: " + unwritable.err());
        }
        Path existing = Files.createDirectories(dir.resolve("existing"));
        CliProcess.Result exists = CliProcess.spark("features", "--in", golden.toString(), "--out", existing.toString());
        assertEquals(1, exists.exitCode(), exists.err());
        assertTrue(exists.err().contains("already exists (use --overwrite"), exists.err());
    }

    @Test
    void aMasterUrlSparkCannotParseIsAUsageErrorBeforeSparkStarts() {
        // A child JVM: here the test's session would be reused whatever --master says. Spark's own
        // refusal was exit 1 after a logged stack trace ("ERROR SparkContext: Error initializing ...").
        CliProcess.Result r = CliProcess.sparkProcess("features", "--master", "bogus://x", "--in", golden.toString(),
                "--out", dir.resolve("no-spark").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("trollwatch-spark: Invalid value for option '--master': 'bogus://x' is not a Spark"
                + " master URL"), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("SparkContext"), r.err());
        for (String ok : new String[] {"local", "local[2]", "local[*]", "local[4,3]", "yarn", "spark://h:7077", "k8s://https://h:6443"}) {
            assertEquals(ok, new SparkJobOptions.MasterUrl().convert(ok));
        }
    }

    @Test
    void overwriteRefusesAnOutputThatHoldsTheInput() throws IOException {
        Path table = Files.createDirectories(dir.resolve("holds-input"));
        Path dump = Files.copy(golden, table.resolve(golden.getFileName()));
        byte[] before = Files.readAllBytes(dump);
        for (String in : List.of(dump.toString(), table.toString())) {
            CliProcess.Result r = CliProcess.spark("features", "--in", in, "--out", table.toString(), "--overwrite");
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().contains("--overwrite would delete it;"), r.err());
            assertArrayEquals(before, Files.readAllBytes(dump), "the input is still there, unchanged");
        }
    }

    /** Index of the first row whose key occurred before. */
    private static int firstRepeatIndex() {
        CommentDeduplicator d = new CommentDeduplicator();
        for (int i = 0; i < comments.size(); i++) {
            if (!d.firstOccurrence(comments.get(i))) {
                return i;
            }
        }
        throw new IllegalStateException("no duplicate in the golden sample");
    }

    /** The golden comments as a typed table, as UNLOAD … PARQUET writes reddit_comments, in {@code slices} ordered parts. */
    private static org.apache.spark.sql.Dataset<Row> typedTable(int slices) {
        List<StructField> fields = new ArrayList<>();
        for (CommentColumn c : CommentColumn.values()) {
            DataType t = switch (c.type()) {
                case BOOLEAN -> DataTypes.BooleanType;
                case FLOAT -> DataTypes.DoubleType;
                default -> DataTypes.StringType;
            };
            fields.add(DataTypes.createStructField(c.columnName(), t, true));
        }
        StructType schema = DataTypes.createStructType(fields);
        List<Row> rows = new ArrayList<>();
        for (Comment c : comments) {
            rows.add(RowFactory.create(c.bannedBy(), c.noFollow(), c.linkId(), c.gilded(), c.author(),
                    c.authorVerified(), c.authorCommentKarma(), c.authorLinkKarma(), c.numComments(), c.createdUtc(),
                    c.score(), c.over18(), c.body(), c.downs(), c.isSubmitter(), c.numReports(), c.controversiality(),
                    c.quarantine(), c.ups(), c.isBot(), c.isTroll(), c.recentCommentsJson(), c.isTraining()));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(jsc.parallelize(rows, slices), schema);
    }

    static void assertSameRows(List<FeatureRow> expected, List<FeatureRow> actual) {
        assertEquals(expected.size(), actual.size(), "rows");
        for (int i = 0; i < expected.size(); i++) {
            FeatureRow e = expected.get(i);
            FeatureRow a = actual.get(i);
            String where = "row " + (i + 1) + " (" + e.author() + ", " + e.linkId() + ")";
            assertEquals(e.author(), a.author(), where);
            assertEquals(e.linkId(), a.linkId(), where);
            assertEquals(e.createdUtc(), a.createdUtc(), 0.0, where);
            assertEquals(e.label(), a.label(), where);
            for (int f = 0; f < FeatureSchema.SIZE; f++) {
                assertEquals(e.values()[f], a.values()[f], TOLERANCE, where + " " + FeatureSchema.NAMES.get(f));
            }
        }
    }
}
