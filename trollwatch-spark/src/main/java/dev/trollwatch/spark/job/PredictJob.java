package dev.trollwatch.spark.job;

import dev.trollwatch.model.explain.Explainer;
import dev.trollwatch.model.explain.Explanation;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.io.table.PredictionsCsvWriter;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code predict} on Spark: every comment under {@code --in} scored by a model file, with the
 * columns of {@code trollwatch predict} ({@link PredictionsCsvWriter#header}): author, link_id,
 * created_utc, predicted, p_bot, p_normal, p_troll (then the 20 features and the explanation's path
 * and leaf_rows_bot/normal/troll when asked, as {@code predict --with-features --explain}), in input order.
 * Like the CLI, predict keeps every row (no de-duplication), and reads a features table as well as dumps.
 */
public final class PredictJob {
    /** Rows read and written, malformed rows skipped. */
    public record Result(long rowsRead, long rowsWritten, long skipped) {
    }

    private PredictJob() {
    }

    /** Which columns follow the seven of every prediction. */
    public record Columns(boolean withFeatures, boolean explained) implements Serializable {
    }

    /**
     * What {@code --in} holds: dumps, whose comments are featurized here, or a features table
     * (the {@code features} job's Parquet or CSV, or a {@code trollwatch features} CSV), whose rows
     * are scored as they are, as {@code trollwatch predict} scores a features CSV. A forced
     * {@code --in-format} means dumps.
     */
    public record Input(String in, List<String> files, boolean featureTable) {
        public static Input of(SparkSession spark, String in, DumpOptions options) throws IOException {
            List<String> files = InputFiles.list(spark.sparkContext().hadoopConfiguration(), in);
            return new Input(in, files, options.format() == null && FeatureTable.isFeatureTable(spark, files));
        }
    }

    public static Result run(SparkSession spark, ShippedModel model, Input input, DumpOptions options, String out,
            TableFormat format, Columns columns, boolean overwrite) throws IOException {
        CommentSource.Counters counters = CommentSource.Counters.register(spark);
        Dataset<Row> scored = predictions(spark, model, input, options, columns, counters);
        long written = format.write(scored, out, overwrite);
        return new Result(counters.rows().value(), written, counters.skipped().value());
    }

    /** The predictions table in input order. */
    public static Dataset<Row> predictions(SparkSession spark, ShippedModel model, Input input, DumpOptions options,
            Columns columns, CommentSource.Counters counters) throws IOException {
        Scorer scorer = new Scorer(model, columns);
        if (input.featureTable()) {
            return FeatureTable.read(spark, input.in(), input.files(), true)
                    .mapPartitions(new TableRows(scorer, counters), Encoders.row(scorer.schema()));
        }
        return CommentSource.read(spark, input.in(), input.files(), options, scorer, counters)
                .orderBy(CommentSource.FILE, CommentSource.LINE)
                .drop(CommentSource.FILE, CommentSource.LINE);
    }

    /** A features table's rows scored, in their order. */
    private record TableRows(Scorer scorer, CommentSource.Counters counters) implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            Function<FeatureRow, Object[]> score = scorer.open();
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
                    .map(r -> {
                        counters.rows().add(1);
                        return RowFactory.create(score.apply(FeatureTable.toFeatureRowInSchemaOrder(r)));
                    })
                    .iterator();
        }
    }

    /** Scores each featurized comment with the model, decoded once per partition. */
    private record Scorer(ShippedModel model, Columns columns) implements RowMaker {
        private static final long serialVersionUID = 1L;

        private List<String> header() {
            return PredictionsCsvWriter.header(columns.withFeatures(), columns.explained());
        }

        @Override
        public StructType schema() {
            List<StructField> fields = new ArrayList<>();
            for (String name : header()) {
                boolean text = name.equals("author") || name.equals("link_id") || name.equals("predicted")
                        || name.equals("path");
                DataType type = text ? DataTypes.StringType
                        : name.startsWith("leaf_rows_") ? DataTypes.LongType : DataTypes.DoubleType;
                fields.add(DataTypes.createStructField(name, type, text || name.equals("created_utc")));
            }
            return DataTypes.createStructType(fields);
        }

        @Override
        public Function<FeatureRow, Object[]> open() {
            ScoringModel scoring = model.open();
            boolean withFeatures = columns.withFeatures();
            boolean explained = columns.explained();
            int width = header().size();
            return row -> {
                Prediction p = scoring.score(row.values());
                Object[] v = new Object[width];
                v[0] = row.author();
                v[1] = row.linkId();
                v[2] = Double.isNaN(row.createdUtc()) ? null : row.createdUtc();
                v[3] = p.label().text();
                for (Label l : Label.values()) {
                    v[4 + l.ordinal()] = p.probability(l);
                }
                int next = 4 + Label.values().length;
                if (withFeatures) {
                    for (int i = 0; i < FeatureSchema.SIZE; i++) {
                        v[next++] = row.values()[i];
                    }
                }
                if (explained) {
                    Explanation e = Explainer.explain(scoring, row.values());
                    v[next++] = e.pathText();
                    for (long r : e.support().rows()) {
                        v[next++] = r;
                    }
                }
                return v;
            };
        }
    }
}
