package dev.trollwatch.spark;

import dev.trollwatch.TrollwatchException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Where the job's Spark runs. */
public final class SparkJobOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[*] or yarn. Default: what spark-submit set, else local[*].")
    String master;

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
        try {
            return b.getOrCreate();
        } catch (Exception e) {
            // A bad --master, too little driver memory: Spark's message says what to change; it is
            // no bug of trollwatch's (it was exit 4 with a stack trace).
            throw new TrollwatchException("could not start Spark" + (master == null ? "" : " (--master " + master + ")")
                    + ": " + e.getMessage(), e);
        }
    }
}
