package dev.trollwatch.pipeline;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.ParallelFeaturizer;
import dev.trollwatch.io.table.FeaturesCsvReader;
import dev.trollwatch.io.table.PredictionWriter;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.LongConsumer;

/**
 * Batch scoring ({@code trollwatch predict}): comments are featurized on several threads by the
 * training featurizer, scored by the model and written in input order, one at a time, so memory
 * stays flat however large the input.
 */
public final class PredictionRun {
    private PredictionRun() {
    }

    /**
     * Scores every comment and writes one line per comment.
     *
     * @param progress told after each row (e.g. a progress reporter's advance)
     * @return rows written
     */
    public static long run(Iterator<? extends Comment> comments, Featurizer featurizer, int threads,
            ScoringModel model, PredictionWriter out, LongConsumer progress) {
        try (ParallelFeaturizer parallel = new ParallelFeaturizer(featurizer, threads)) {
            return parallel.run(comments, row -> {
                Prediction p = model.score(row.values());
                try {
                    out.write(row, p.label(), p.probabilities());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.accept(1);
            });
        }
    }

    /** Scores the rows of a features CSV (features already computed, as {@code trollwatch features} writes them). */
    public static long runOnFeatures(Path featuresCsv, ScoringModel model, PredictionWriter out,
            LongConsumer progress) throws IOException {
        long[] rows = {0};
        FeaturesCsvReader.read(featuresCsv, row -> {
            Prediction p = model.score(row.values());
            try {
                out.write(row, p.label(), p.probabilities());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows[0]++;
            progress.accept(1);
        });
        return rows[0];
    }
}
