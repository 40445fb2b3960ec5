package dev.trollwatch.spark;

import dev.trollwatch.TrollwatchException;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Options every job has: where Spark runs, and whether an existing output may be replaced. */
public final class SparkJobOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[*] or yarn. Default: what spark-submit set, else local[*].")
    String master;

    @Option(names = "--overwrite", description = "Replace an existing --out directory. Default: refuse.")
    boolean overwrite;

    /** The running session (tests, spark-shell) or a new one for {@code job}. */
    SparkSession session(String job) {
        SparkSession active = SparkSession.getActiveSession().getOrElse(() -> null);
        if (active != null) {
            return active;
        }
        SparkSession.Builder b = SparkSession.builder().appName("trollwatch " + job);
        if (master != null) {
            b.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            b.master("local[*]");
        }
        return b.getOrCreate();
    }

    /** Fails before any work when {@code out} exists and may not be replaced. */
    void checkOutput(SparkSession spark, String out) throws IOException {
        Path p = new Path(out);
        if (!overwrite && p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
            throw new TrollwatchException(out + ": already exists (use --overwrite to replace it)");
        }
    }
}
