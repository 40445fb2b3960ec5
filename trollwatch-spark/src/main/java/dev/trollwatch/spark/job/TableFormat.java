package dev.trollwatch.spark.job;

import dev.trollwatch.io.table.FeaturesCsvWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * How a job writes its table: Parquet (typed columns), or CSV written as the CLI writes it (RFC 4180
 * quoting, numbers in {@link FeaturesCsvWriter#formatNumber}'s plain form, empty = NULL, {@code ""}
 * = empty text, one header per part file).
 */
public enum TableFormat {
    PARQUET,
    CSV;

    /** Parses {@code parquet} or {@code csv}. */
    public static TableFormat parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Writes {@code table} to the directory {@code out} (an existing one is replaced only when asked)
     * and returns the rows written. Spark's committer moves the part files into place only when every
     * task has succeeded, so a failed job leaves no partial table.
     */
    public long write(Dataset<Row> table, String out, boolean overwrite) {
        SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        LongAccumulator written = table.sparkSession().sparkContext().longAccumulator("rows written");
        // Counted in the writing stage itself, which runs once per partition (upstream stages may run twice).
        Dataset<Row> counted = table.mapPartitions(new Formatter(table.schema(), this == CSV, written),
                Encoders.row(this == CSV ? textSchema(table.schema()) : table.schema()));
        if (this == PARQUET) {
            counted.write().mode(mode).parquet(out);
            return written.value();
        }
        counted.write().mode(mode)
                .option("header", true)
                .option("quote", "\"")
                .option("escape", "\"")
                .option("ignoreLeadingWhiteSpace", false)
                .option("ignoreTrailingWhiteSpace", false)
                .option("lineSep", "\n")
                .csv(out);
        return written.value();
    }

    private static StructType textSchema(StructType s) {
        List<StructField> fields = new ArrayList<>();
        for (StructField f : s.fields()) {
            fields.add(DataTypes.createStructField(f.name(), DataTypes.StringType, true));
        }
        return DataTypes.createStructType(fields);
    }

    /** Counts rows and, for CSV, writes doubles in the CLI's number form and everything else as text. */
    private static final class Formatter implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final boolean[] isDouble;
        private final boolean asText;
        private final LongAccumulator written;

        Formatter(StructType schema, boolean asText, LongAccumulator written) {
            this.asText = asText;
            this.written = written;
            StructField[] fields = schema.fields();
            isDouble = new boolean[fields.length];
            for (int i = 0; i < fields.length; i++) {
                isDouble[i] = fields[i].dataType().equals(DataTypes.DoubleType);
            }
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    written.add(1);
                    if (!asText) {
                        return r;
                    }
                    Object[] v = new Object[isDouble.length];
                    for (int i = 0; i < v.length; i++) {
                        if (r.isNullAt(i)) {
                            continue;
                        }
                        v[i] = isDouble[i] ? FeaturesCsvWriter.formatNumber(r.getDouble(i)) : r.get(i).toString();
                    }
                    return RowFactory.create(v);
                }
            };
        }
    }
}
