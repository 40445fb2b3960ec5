package dev.trollwatch.spark.job;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.io.dump.BadRowHandler;
import dev.trollwatch.io.field.ColumnLayout;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.dump.CommentReaders;
import dev.trollwatch.io.field.DataFormatException;
import dev.trollwatch.io.field.InvalidFieldException;
import dev.trollwatch.io.dump.RowDecoder;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads dumps into featurized rows with the core's own readers and featurizer, so the Spark jobs
 * see exactly what {@code trollwatch} sees. Text dumps (every format the CLI reads, gzip or not)
 * are read one file per task by {@link CommentReaders}: a quoted CSV field may hold line breaks, so
 * only whole files split safely, and gzip never splits; Redshift's UNLOAD writes one or more files
 * per slice, which is the parallelism. Parquet files (UNLOAD … PARQUET) are read by Spark, split by
 * row group, and each row's values go through the core's {@link RowDecoder}. In each partition one
 * {@link Featurizer} is built (never serialised) and rows stream through it.
 *
 * <p>Every output row carries its input position: {@link #FILE} (the file's full path) and
 * {@link #LINE} (the line where the row starts in a text file, the 1-based row number in a Parquet
 * file), which give the input order and place bad rows.
 */
public final class CommentSource {
    public static final String FILE = "_file";
    public static final String LINE = "_line";

    /** Rows read and malformed rows skipped (accumulators: a retried task may count twice). */
    public record Counters(LongAccumulator rows, LongAccumulator skipped) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public static Counters register(SparkSession spark) {
            return new Counters(spark.sparkContext().longAccumulator("rows read"),
                    spark.sparkContext().longAccumulator("malformed rows skipped"));
        }
    }

    private CommentSource() {
    }

    /** Every comment under {@code in}, featurized and turned into a row by {@code maker}, plus its position. */
    public static Dataset<Row> read(SparkSession spark, String in, DumpOptions options, RowMaker maker,
            Counters counters) throws IOException {
        return read(spark, in, InputFiles.list(spark.sparkContext().hadoopConfiguration(), in), options, maker, counters);
    }

    /** As above, the files of {@code in} already listed ({@link InputFiles#list}). */
    static Dataset<Row> read(SparkSession spark, String in, List<String> files, DumpOptions options, RowMaker maker,
            Counters counters) {
        List<String> text = files.stream().filter(f -> !InputFiles.isParquet(f)).toList();
        List<String> parquet = files.stream().filter(InputFiles::isParquet).toList();
        StructType schema = maker.schema()
                .add(FILE, DataTypes.StringType, false)
                .add(LINE, DataTypes.LongType, false);
        Dataset<Row> out = null;
        if (!text.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<SerializableConfiguration> conf =
                    jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
            JavaRDD<Row> rows = jsc.parallelize(text, text.size())
                    .mapPartitions(new TextFiles(conf, options, maker, counters));
            out = spark.createDataFrame(rows, schema);
        }
        if (!parquet.isEmpty()) {
            Dataset<Row> raw = spark.read().parquet(parquet.toArray(String[]::new));
            Dataset<Row> positioned = raw.select(functions.col("*"),
                    functions.col("_metadata.file_path").as(FILE), functions.col("_metadata.row_index").as(LINE));
            Dataset<Row> rows = positioned.mapPartitions(
                    new ParquetRows(raw.columns(), options, maker, counters), Encoders.row(schema));
            out = out == null ? rows : out.unionByName(rows);
        }
        return out;
    }

    /** One task's text files, read in turn by the core's readers. */
    private static final class TextFiles implements FlatMapFunction<Iterator<String>, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<SerializableConfiguration> conf;
        private final DumpOptions options;
        private final RowMaker maker;
        private final Counters counters;

        TextFiles(Broadcast<SerializableConfiguration> conf, DumpOptions options, RowMaker maker, Counters counters) {
            this.conf = conf;
            this.options = options;
            this.maker = maker;
            this.counters = counters;
        }

        @Override
        public Iterator<Row> call(Iterator<String> files) {
            Featurizer featurizer = new Featurizer(PatternSentiment.shared());
            Function<FeatureRow, Object[]> make = maker.open();
            return new FileByFile<CommentReader, Row>(files) {
                @Override
                protected CommentReader open(String name) throws IOException {
                    Path path = new Path(name);
                    return CommentReaders.open(path.getFileSystem(conf.value().value()).open(path), name,
                            options.format(), options.policy());
                }

                @Override
                protected boolean hasMore(CommentReader reader) {
                    return reader.hasNext();
                }

                @Override
                protected Row next(CommentReader reader, String file) {
                    Comment c = reader.next();
                    return positioned(make.apply(featurizer.featurize(c)), file, reader.lineNumber());
                }

                @Override
                protected void finished(CommentReader reader) {
                    counters.rows().add(reader.rowsRead());
                    counters.skipped().add(reader.skippedRows());
                }
            };
        }
    }

    /** Parquet rows: each value as the text a dump would hold, decoded by the core. */
    private static final class ParquetRows implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final String[] header;
        private final DumpOptions options;
        private final RowMaker maker;
        private final Counters counters;

        ParquetRows(String[] header, DumpOptions options, RowMaker maker, Counters counters) {
            this.header = header;
            this.options = options;
            this.maker = maker;
            this.counters = counters;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            Featurizer featurizer = new Featurizer(PatternSentiment.shared());
            Function<FeatureRow, Object[]> make = maker.open();
            String[] fields = new String[header.length];
            return new Iterator<>() {
                private RowDecoder decoder;
                private BadRowHandler badRows;
                private String file;
                private Row pending;

                @Override
                public boolean hasNext() {
                    while (pending == null && input.hasNext()) {
                        Row r = input.next();
                        String f = r.getString(header.length);
                        long row = r.getLong(header.length + 1) + 1;
                        if (!f.equals(file)) {
                            startFile(f);
                        }
                        for (int i = 0; i < header.length; i++) {
                            fields[i] = text(r.get(i));
                        }
                        counters.rows().add(1);
                        try {
                            Comment c = decoder.decode(fields, fields.length);
                            pending = positioned(make.apply(featurizer.featurize(c)), f, row);
                        } catch (InvalidFieldException e) {
                            long before = badRows.skipped();
                            badRows.handle(new DataFormatException(f, row, e));
                            counters.skipped().add(badRows.skipped() - before);
                            counters.rows().add(-1);
                        }
                    }
                    return pending != null;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Row r = pending;
                    pending = null;
                    return r;
                }

                private void startFile(String f) {
                    file = f;
                    decoder = new RowDecoder(ColumnLayout.of(f, Arrays.asList(header)));
                    badRows = new BadRowHandler(options.policy(), f);
                }
            };
        }
    }

    private static Row positioned(Object[] values, String file, long line) {
        Object[] all = Arrays.copyOf(values, values.length + 2);
        all[values.length] = file;
        all[values.length + 1] = line;
        return RowFactory.create(all);
    }

    /** A Parquet value as dump text: doubles in Java's round-trip form, booleans as true/false, NULL as null. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof Float f) {
            return Double.toString(f.doubleValue());
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString();
    }
}
