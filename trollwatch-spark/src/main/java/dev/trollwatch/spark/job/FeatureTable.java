package dev.trollwatch.spark.job;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.io.table.FeaturesCsvReader;
import dev.trollwatch.io.table.FeaturesCsvWriter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The features table, column for column what {@code trollwatch features} writes
 * ({@link FeaturesCsvWriter#HEADER}): author, link_id, created_utc (null when the dump had none),
 * the 20 features in {@link FeatureSchema} order, and target (null for an unlabelled dump).
 */
public final class FeatureTable {
    public static final String AUTHOR = "author";
    public static final String LINK_ID = "link_id";
    public static final String CREATED_UTC = "created_utc";
    public static final String TARGET = "target";
    public static final StructType SCHEMA = schema();

    private FeatureTable() {
    }

    private static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(AUTHOR, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(LINK_ID, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(CREATED_UTC, DataTypes.DoubleType, true));
        for (String name : FeatureSchema.NAMES) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField(TARGET, DataTypes.StringType, true));
        StructType s = DataTypes.createStructType(fields);
        if (!Arrays.asList(s.fieldNames()).equals(FeaturesCsvWriter.HEADER)) {
            throw new IllegalStateException("features table columns differ from the CLI's features header");
        }
        return s;
    }

    /** Makes features-table rows. */
    public static RowMaker maker() {
        return new Maker();
    }

    /** The values of one table row, in {@link #SCHEMA} order. */
    public static Object[] values(FeatureRow r) {
        Object[] v = new Object[FeatureSchema.SIZE + 4];
        v[0] = r.author();
        v[1] = r.linkId();
        v[2] = Double.isNaN(r.createdUtc()) ? null : r.createdUtc();
        for (int i = 0; i < FeatureSchema.SIZE; i++) {
            v[3 + i] = r.values()[i];
        }
        v[FeatureSchema.SIZE + 3] = r.label() == null ? null : r.label().text();
        return v;
    }

    /** A table row (columns by name) back as the core's row; the label is null when target is. */
    public static FeatureRow toFeatureRow(Row r) {
        double[] f = new double[FeatureSchema.SIZE];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.getDouble(r.fieldIndex(FeatureSchema.NAMES.get(i)));
        }
        int created = r.fieldIndex(CREATED_UTC);
        String target = r.getString(r.fieldIndex(TARGET));
        return new FeatureRow(r.getString(r.fieldIndex(AUTHOR)), r.getString(r.fieldIndex(LINK_ID)),
                r.isNullAt(created) ? Double.NaN : r.getDouble(created), f, Label.parse(target));
    }

    /**
     * A row of a table from {@link #read} (columns in {@link #SCHEMA} order) back as the core's row,
     * by position: a row handed on between typed operators carries no schema to look names up in.
     */
    static FeatureRow toFeatureRowInSchemaOrder(Row r) {
        double[] f = new double[FeatureSchema.SIZE];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.getDouble(3 + i);
        }
        int target = FeatureSchema.SIZE + 3;
        return new FeatureRow(r.getString(0), r.getString(1), r.isNullAt(2) ? Double.NaN : r.getDouble(2), f,
                Label.parse(r.getString(target)));
    }

    /**
     * Reads a features table, columns in {@link #SCHEMA} order: the Parquet or CSV output of the
     * Spark job, or a features CSV as {@code trollwatch train} reads it (plain or gzip); both checked
     * as the CLI checks a features CSV ({@link FeaturesCsvSource}, {@link FeaturesParquetSource}).
     */
    public static Dataset<Row> read(SparkSession spark, String in) throws IOException {
        return read(spark, in, InputFiles.list(spark.sparkContext().hadoopConfiguration(), in));
    }

    /** As {@link #read(SparkSession, String)}, the files of {@code in} already listed ({@link InputFiles#list}). */
    static Dataset<Row> read(SparkSession spark, String in, List<String> files) {
        return read(spark, in, files, false);
    }

    /**
     * As above; with {@code inInputOrder} the rows come in input order (files by path, then row),
     * which a Parquet table needs a sort for: Spark packs its files into tasks by size.
     */
    static Dataset<Row> read(SparkSession spark, String in, List<String> files, boolean inInputOrder) {
        List<String> parquet = files.stream().filter(InputFiles::isParquet).toList();
        if (parquet.size() == files.size()) {
            return FeaturesParquetSource.read(spark, in, files, inInputOrder);
        }
        if (parquet.isEmpty()) {
            return FeaturesCsvSource.read(spark, files);
        }
        throw new TrollwatchException(in + ": mixes Parquet and CSV files; a features table is one or the other");
    }

    /**
     * True when {@code files} (listed by {@link InputFiles#list}) hold a features table rather than
     * dumps, judged by the first file as the CLI judges a file: a Parquet file by its schema, a text
     * file by its header ({@link FeaturesCsvReader#isFeaturesHeader}). Each file is checked again as
     * it is read.
     */
    public static boolean isFeatureTable(SparkSession spark, List<String> files) throws IOException {
        String first = files.get(0);
        if (InputFiles.isParquet(first)) {
            return FeaturesCsvReader.isFeaturesHeader(Arrays.asList(spark.read().parquet(first).columns()));
        }
        Path path = new Path(first);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (InputStream in = new BufferedInputStream(fs.open(path), 1 << 16)) {
            return FeaturesCsvReader.isFeaturesCsv(in);
        }
    }

    private static final class Maker implements RowMaker {
        private static final long serialVersionUID = 1L;

        @Override
        public StructType schema() {
            return SCHEMA;
        }

        @Override
        public Function<FeatureRow, Object[]> open() {
            return FeatureTable::values;
        }
    }
}
