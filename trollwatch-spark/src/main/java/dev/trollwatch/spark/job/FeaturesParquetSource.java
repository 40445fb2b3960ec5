package dev.trollwatch.spark.job;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.io.table.FeaturesCsvWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Parquet features table held to the rules of a features CSV: the columns by name (extra ones
 * ignored), text columns as strings and the rest numeric (checked before any work), a null feature
 * 0 (the features' rule for nulls), and a NaN or infinite feature an error naming file, row and
 * column. MLlib would otherwise fail on such a row mid-job with a stack trace.
 */
final class FeaturesParquetSource {
    private static final List<String> TEXT = List.of(FeatureTable.AUTHOR, FeatureTable.LINK_ID, FeatureTable.TARGET);
    private static final String FILE = "_file";
    private static final String ROW = "_row";

    private FeaturesParquetSource() {
    }

    static Dataset<Row> read(SparkSession spark, String in, List<String> files, boolean inInputOrder) {
        Dataset<Row> raw = spark.read().parquet(files.toArray(String[]::new));
        List<String> missing = new ArrayList<>(FeaturesCsvWriter.HEADER);
        missing.removeAll(Arrays.asList(raw.columns()));
        if (!missing.isEmpty()) {
            throw new TrollwatchException(in + ": not a features table: missing column" + (missing.size() > 1 ? "s" : "")
                    + " " + String.join(", ", missing));
        }
        StructType types = raw.schema();
        List<Column> columns = new ArrayList<>();
        for (StructField f : FeatureTable.SCHEMA.fields()) {
            DataType actual = types.apply(f.name()).dataType();
            boolean text = TEXT.contains(f.name());
            if (text ? !actual.equals(DataTypes.StringType) : !(actual instanceof NumericType)) {
                throw new TrollwatchException(String.format(Locale.ROOT, "%s: column '%s' is %s; a features table has it %s",
                        in, f.name(), actual.simpleString(), text ? "as text (string)" : "as a number"));
            }
            columns.add(raw.col(f.name()).cast(f.dataType()).as(f.name()));
        }
        columns.add(functions.col("_metadata.file_path").as(FILE));
        columns.add(functions.col("_metadata.row_index").as(ROW));
        Dataset<Row> positioned = raw.select(columns.toArray(Column[]::new));
        if (inInputOrder) {
            positioned = positioned.orderBy(FILE, ROW);
        }
        return positioned.map(new Checked(), Encoders.row(FeatureTable.SCHEMA));
    }

    /** Nulls to 0, non-finite values refused; the position columns dropped. */
    private static final class Checked implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private static final int FIRST_FEATURE = FeatureTable.SCHEMA.fieldIndex(FeatureSchema.NAMES.get(0));

        @Override
        public Row call(Row r) {
            int size = FeatureTable.SCHEMA.size();
            Object[] v = new Object[size];
            for (int i = 0; i < size; i++) {
                v[i] = r.get(i);
            }
            for (int i = FIRST_FEATURE; i < FIRST_FEATURE + FeatureSchema.SIZE; i++) {
                if (v[i] == null) {
                    v[i] = 0.0;
                } else if (!Double.isFinite((Double) v[i])) {
                    throw new TrollwatchException(String.format(Locale.ROOT,
                            "%s: row %d, column '%s': value %s is not finite; features must be finite numbers",
                            r.getString(size), r.getLong(size + 1) + 1, FeatureSchema.NAMES.get(i - FIRST_FEATURE), v[i]));
                }
            }
            return RowFactory.create(v);
        }
    }
}
