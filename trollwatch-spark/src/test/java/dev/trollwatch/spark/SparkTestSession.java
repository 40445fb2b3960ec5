package dev.trollwatch.spark;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.spark.job.FeatureTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A real local[2] Spark session for one test class (loopback only, no UI), and table helpers. */
final class SparkTestSession {
    private SparkTestSession() {
    }

    static SparkSession start() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("trollwatch-spark tests")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", false)
                .config("spark.sql.shuffle.partitions", 3)
                .getOrCreate();
    }

    static Path resource(String name) {
        try {
            return Path.of(SparkTestSession.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part files of a table directory, in name order (the order the job wrote them). */
    static List<Path> parts(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-") && p.toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Parquet table's rows in written order (each part file read on its own). */
    static List<Row> parquetInOrder(SparkSession spark, Path dir) {
        List<Row> rows = new ArrayList<>();
        for (Path p : parts(dir, ".parquet")) {
            rows.addAll(spark.read().parquet(p.toString()).collectAsList());
        }
        return rows;
    }

    /** A features table's rows as the core's rows, in written order. */
    static List<FeatureRow> featureRows(SparkSession spark, Path dir) {
        return parquetInOrder(spark, dir).stream().map(FeatureTable::toFeatureRow).toList();
    }

    /** The CSV part files concatenated, the header kept once: what a single CLI file would hold. */
    static String csvText(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Path p : parts(dir, ".csv")) {
            String text = Files.readString(p);
            sb.append(first ? text : text.substring(text.indexOf('\n') + 1));
            first = false;
        }
        return sb.toString();
    }
}
