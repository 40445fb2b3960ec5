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
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
 * Like the CLI, predict keeps every row (no de-duplication).
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

    public static Result run(SparkSession spark, ShippedModel model, String in, DumpOptions options, String out,
            TableFormat format, Columns columns, boolean overwrite) throws IOException {
        CommentSource.Counters counters = CommentSource.Counters.register(spark);
        Dataset<Row> scored = predictions(spark, model, in, options, columns, counters);
        long written = format.write(scored, out, overwrite);
        return new Result(counters.rows().value(), written, counters.skipped().value());
    }

    /** The predictions table in input order. */
    public static Dataset<Row> predictions(SparkSession spark, ShippedModel model, String in, DumpOptions options,
            Columns columns, CommentSource.Counters counters) throws IOException {
        return CommentSource.read(spark, in, options, new Scorer(model, columns), counters)
                .orderBy(CommentSource.FILE, CommentSource.LINE)
                .drop(CommentSource.FILE, CommentSource.LINE);
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
