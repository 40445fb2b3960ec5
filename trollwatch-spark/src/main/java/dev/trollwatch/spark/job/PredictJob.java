package dev.trollwatch.spark.job;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.io.table.PredictionsCsvWriter;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code predict} on Spark: every comment under {@code --in} scored by a model file, with the
 * columns of {@code trollwatch predict} ({@link PredictionsCsvWriter#header}): author, link_id,
 * created_utc, predicted, p_bot, p_normal, p_troll (and the 20 features when asked), in input order.
 * Like the CLI, predict keeps every row (no de-duplication).
 */
public final class PredictJob {
    /** Rows read and written, malformed rows skipped. */
    public record Result(long rowsRead, long rowsWritten, long skipped) {
    }

    private PredictJob() {
    }

    public static Result run(SparkSession spark, ShippedModel model, String in, DumpOptions options, String out,
            TableFormat format, boolean withFeatures, boolean overwrite) throws IOException {
        CommentSource.Counters counters = CommentSource.Counters.register(spark);
        Dataset<Row> scored = predictions(spark, model, in, options, withFeatures, counters);
        long written = format.write(scored, out, overwrite);
        return new Result(counters.rows().value(), written, counters.skipped().value());
    }

    /** The predictions table in input order. */
    public static Dataset<Row> predictions(SparkSession spark, ShippedModel model, String in, DumpOptions options,
            boolean withFeatures, CommentSource.Counters counters) throws IOException {
        return CommentSource.read(spark, in, options, new Scorer(model, withFeatures), counters)
                .orderBy(CommentSource.FILE, CommentSource.LINE)
                .drop(CommentSource.FILE, CommentSource.LINE);
    }

    /** Scores each featurized comment with the model, decoded once per partition. */
    private record Scorer(ShippedModel model, boolean withFeatures) implements RowMaker {
        private static final long serialVersionUID = 1L;

        @Override
        public StructType schema() {
            List<StructField> fields = new ArrayList<>();
            for (String name : PredictionsCsvWriter.header(withFeatures)) {
                boolean text = name.equals("author") || name.equals("link_id") || name.equals("predicted");
                fields.add(DataTypes.createStructField(name, text ? DataTypes.StringType : DataTypes.DoubleType,
                        text || name.equals("created_utc")));
            }
            return DataTypes.createStructType(fields);
        }

        @Override
        public Function<FeatureRow, Object[]> open() {
            ScoringModel scoring = model.open();
            int width = PredictionsCsvWriter.header(withFeatures).size();
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
                if (withFeatures) {
                    for (int i = 0; i < FeatureSchema.SIZE; i++) {
                        v[4 + Label.values().length + i] = row.values()[i];
                    }
                }
                return v;
            };
        }
    }
}
