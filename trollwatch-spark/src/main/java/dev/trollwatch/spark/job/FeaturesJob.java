package dev.trollwatch.spark.job;

import java.io.IOException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * {@code features} on Spark: the features table of every comment under {@code --in}, as
 * {@code trollwatch features} computes it. Rows repeating an earlier (author, link_id, created_utc)
 * are dropped, "earlier" meaning input order (files by path, then line), exactly as the CLI's
 * streaming de-duplication keeps the first occurrence; nulls are equal keys, and so are 0.0 and -0.0
 * (Spark normalises them in window keys). The table is written in input order.
 */
public final class FeaturesJob {
    private static final String OCCURRENCE = "_occurrence";

    /** Rows read from the dumps, written, dropped as duplicates, skipped as malformed. */
    public record Result(long rowsRead, long rowsWritten, long duplicates, long skipped) {
    }

    private FeaturesJob() {
    }

    public static Result run(SparkSession spark, String in, DumpOptions options, String out, TableFormat format,
            boolean overwrite) throws IOException {
        CommentSource.Counters counters = CommentSource.Counters.register(spark);
        Dataset<Row> table = deduplicated(CommentSource.read(spark, in, options, FeatureTable.maker(), counters));
        long written = format.write(table, out, overwrite);
        long read = counters.rows().value();
        return new Result(read, written, read - written, counters.skipped().value());
    }

    /** First occurrence of each key in input order, in input order, without the position columns. */
    public static Dataset<Row> deduplicated(Dataset<Row> positioned) {
        WindowSpec byKey = Window
                .partitionBy(functions.col(FeatureTable.AUTHOR), functions.col(FeatureTable.LINK_ID),
                        functions.col(FeatureTable.CREATED_UTC))
                .orderBy(functions.col(CommentSource.FILE), functions.col(CommentSource.LINE));
        return positioned
                .withColumn(OCCURRENCE, functions.row_number().over(byKey))
                .filter(functions.col(OCCURRENCE).equalTo(1))
                .orderBy(CommentSource.FILE, CommentSource.LINE)
                .drop(OCCURRENCE, CommentSource.FILE, CommentSource.LINE);
    }
}
