package dev.trollwatch.spark.job;

import dev.trollwatch.io.table.FeaturesCsvReader;
import dev.trollwatch.io.table.FeaturesCsvRows;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
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
            return new FileByFile<FeaturesCsvRows, Row>(files) {
                @Override
                protected FeaturesCsvRows open(String name) throws IOException {
                    Path path = new Path(name);
                    return FeaturesCsvReader.open(path.getFileSystem(conf.value().value()).open(path), name);
                }

                @Override
                protected boolean hasMore(FeaturesCsvRows rows) {
                    return rows.hasNext();
                }

                @Override
                protected Row next(FeaturesCsvRows rows, String file) {
                    return RowFactory.create(FeatureTable.values(rows.next()));
                }
            };
        }
    }
}
