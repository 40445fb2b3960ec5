package dev.trollwatch.pipeline;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.ParallelFeaturizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.table.FeaturesCsvReader;
import dev.trollwatch.io.table.PredictionWriter;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Batch scoring ({@code trollwatch predict}). The input is either a features CSV file (recognised by
 * its header, as {@code trollwatch features} writes it), scored as it is, or a dump of
 * {@code reddit_comments} (a file or stdin), whose comments are featurized on several threads by the
 * training featurizer. Rows are scored and written in input order, one at a time, so memory stays
 * flat however large the input.
 *
 * <p>{@link #open} decides which kind the input is and opens a dump at once, so a dump that cannot be
 * read fails before any output is written; {@link #run} then scores it.
 */
public final class PredictionRun implements AutoCloseable {
    /** Opens the dump to score (a file or stdin) when the input is not a features CSV. */
    @FunctionalInterface
    public interface DumpOpener {
        CommentReader open() throws IOException;
    }

    private final ScoringModel model;
    private final Path featuresCsv;
    private final CommentReader dump;
    private final int threads;

    private PredictionRun(ScoringModel model, Path featuresCsv, CommentReader dump, int threads) {
        this.model = model;
        this.featuresCsv = featuresCsv;
        this.dump = dump;
        this.threads = threads;
    }

    /**
     * @param in      the input file, or null for stdin (always read as a dump)
     * @param dumps   opens the input as a dump when {@code in} is not a features CSV
     * @param threads featurizer threads for a dump
     */
    public static PredictionRun open(Path in, DumpOpener dumps, ScoringModel model, int threads) throws IOException {
        if (in != null && FeaturesCsvReader.isFeaturesCsv(in)) {
            return new PredictionRun(model, in, null, threads);
        }
        return new PredictionRun(model, null, dumps.open(), threads);
    }

    /**
     * Scores every row and writes one line per row.
     *
     * @param progress told after each row (e.g. a progress reporter's advance)
     * @return rows written
     */
    public long run(PredictionWriter out, LongConsumer progress) throws IOException {
        return featuresCsv != null ? runOnFeatures(out, progress) : runOnDump(out, progress);
    }

    /** Malformed dump rows skipped so far (policy SKIP); 0 for a features CSV. */
    public long skippedRows() {
        return dump == null ? 0 : dump.skippedRows();
    }

    @Override
    public void close() {
        if (dump != null) {
            dump.close();
        }
    }

    private long runOnDump(PredictionWriter out, LongConsumer progress) {
        try (ParallelFeaturizer parallel = new ParallelFeaturizer(new Featurizer(PatternSentiment.shared()), threads)) {
            return parallel.run(dump, row -> score(row, out, progress));
        }
    }

    private long runOnFeatures(PredictionWriter out, LongConsumer progress) throws IOException {
        long[] rows = {0};
        FeaturesCsvReader.read(featuresCsv, row -> {
            score(row, out, progress);
            rows[0]++;
        });
        return rows[0];
    }

    private void score(FeatureRow row, PredictionWriter out, LongConsumer progress) {
        Prediction p = model.score(row.values());
        try {
            out.write(row, p.label(), p.probabilities());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept(1);
    }
}
