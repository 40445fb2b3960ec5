package dev.trollwatch.spark.job;

import dev.trollwatch.features.FeatureRow;
import java.io.Serializable;
import java.util.function.Function;
import org.apache.spark.sql.types.StructType;

/**
 * What a job makes of each featurized comment: the columns it outputs and, built once per
 * partition on the executor (so nothing heavy is serialised), the function filling them.
 */
public interface RowMaker extends Serializable {
    /** The output columns (the input-order columns are added by {@link CommentSource}). */
    StructType schema();

    /** Called once per partition, on the executor: the values of one output row per feature row. */
    Function<FeatureRow, Object[]> open();
}
