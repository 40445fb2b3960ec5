package dev.trollwatch.spark;

import dev.trollwatch.TrollwatchException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Where the job's Spark runs. */
public final class SparkJobOptions {
    @Option(names = "--master", paramLabel = "URL", converter = MasterUrl.class,
            description = "Spark master, e.g. local[*] or yarn. Default: what spark-submit set, else local[*].")
    String master;

    /**
     * The forms of master URL Spark takes, checked before Spark starts: Spark's own refusal of
     * {@code bogus://x} came as a logged stack trace and exit 1, where a bad option value is a usage error.
     */
    static final class MasterUrl implements picocli.CommandLine.ITypeConverter<String> {
        private static final java.util.regex.Pattern FORMS = java.util.regex.Pattern.compile(
                "local(\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?])?|local-cluster\\[\\d+, *\\d+, *\\d+]|yarn"
                        + "|(spark|mesos|k8s)://\\S+");

        @Override
        public String convert(String value) {
            if (!FORMS.matcher(value).matches()) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a Spark master URL"
                        + " (local, local[N], local[*], local[N,F], spark://HOST:PORT, yarn, k8s://URL, mesos://URL)");
            }
            return value;
        }
    }

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
