package dev.trollwatch.spark.job;

import dev.trollwatch.io.table.FeaturesCsvReader;
import dev.trollwatch.io.table.FeaturesCsvRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Features CSV files read by the core's {@link FeaturesCsvReader}, one file per task, in path order:
 * Spark's own CSV reader would accept what {@code trollwatch train} refuses (NaN, infinities) and
 * refuse what it reads (the 2019 pipeline's {@code True}/{@code False} and date-time
 * {@code created_utc}), and would fail on a bad value with a stack trace instead of the file, line
 * and column.
 */
final class FeaturesCsvSource {
    private FeaturesCsvSource() {
    }

    static Dataset<Row> read(SparkSession spark, List<String> files) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf =
                jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
        JavaRDD<Row> rows = jsc.parallelize(files, files.size()).mapPartitions(new Files(conf));
        return spark.createDataFrame(rows, FeatureTable.SCHEMA);
    }

    /** One task's files, streamed in turn. */
    private static final class Files implements FlatMapFunction<Iterator<String>, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<SerializableConfiguration> conf;

        Files(Broadcast<SerializableConfiguration> conf) {
            this.conf = conf;
        }

        @Override
        public Iterator<Row> call(Iterator<String> files) {
            return new Iterator<>() {
                private FeaturesCsvRows rows;

                @Override
                public boolean hasNext() {
                    while (rows == null || !rows.hasNext()) {
                        closeFile();
                        if (!files.hasNext()) {
                            return false;
                        }
                        open(files.next());
                    }
                    return true;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return RowFactory.create(FeatureTable.values(rows.next()));
                }

                private void open(String name) {
                    Path path = new Path(name);
                    try {
                        rows = FeaturesCsvReader.open(path.getFileSystem(conf.value().value()).open(path), name);
                    } catch (IOException e) {
                        throw new UncheckedIOException(name + ": " + e.getMessage(), e);
                    }
                    FeaturesCsvRows opened = rows;
                    TaskContext task = TaskContext.get();
                    if (task != null) {
                        task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> close(opened));
                    }
                }

                private void closeFile() {
                    if (rows != null) {
                        close(rows);
                        rows = null;
                    }
                }
            };
        }

        private static void close(FeaturesCsvRows rows) {
            try {
                rows.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
