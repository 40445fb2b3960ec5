package dev.trollwatch.pipeline;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.ParallelFeaturizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.table.FeaturesCsvReader;
import dev.trollwatch.io.table.FeaturesCsvRows;
import dev.trollwatch.io.table.PredictionWriter;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.LongConsumer;

/**
 * Batch scoring ({@code trollwatch predict}). The input is either a features CSV file (recognised by
 * its header, as {@code trollwatch features} writes it), scored as it is, or a dump of
 * {@code reddit_comments} (a file or stdin), whose comments are featurized on several threads by the
 * training featurizer. Rows are scored and written in input order, one at a time, so memory stays
 * flat however large the input.
 *
 * <p>{@link #open} opens the input once — a FIFO or stdin can be read only once — tells which kind
 * it is from its first line, and opens a dump's reader at once, so a dump that cannot be read fails
 * before any output is written; {@link #run} then scores it.
 */
public final class PredictionRun implements AutoCloseable {
    /** Makes the reader of the input's stream when it is a dump (format and error policy are the caller's). */
    @FunctionalInterface
    public interface DumpOpener {
        CommentReader open(InputStream in) throws IOException;
    }

    private final ScoringModel model;
    private final FeaturesCsvRows featuresCsv;
    private final CommentReader dump;
    private final int threads;

    private PredictionRun(ScoringModel model, FeaturesCsvRows featuresCsv, CommentReader dump, int threads) {
        this.model = model;
        this.featuresCsv = featuresCsv;
        this.dump = dump;
        this.threads = threads;
    }

    /**
     * @param in                the input's bytes (a file, a FIFO, stdin), read once and closed with the run
     * @param name              names the input in messages
     * @param mayBeFeaturesCsv  false when the caller knows it is a dump (a --format was given)
     * @param dumps             makes the dump reader when the input is not a features CSV
     * @param threads           featurizer threads for a dump
     */
    public static PredictionRun open(InputStream in, String name, boolean mayBeFeaturesCsv, DumpOpener dumps,
            ScoringModel model, int threads) throws IOException {
        BufferedInputStream peekable = new BufferedInputStream(in, 1 << 16);
        try {
            if (mayBeFeaturesCsv && FeaturesCsvReader.isFeaturesCsv(peekable)) {
                return new PredictionRun(model, FeaturesCsvReader.open(peekable, name), null, threads);
            }
            if (!mayBeFeaturesCsv) {
                LabelledInput.refuseFeaturesCsvAsDump(peekable, name);
            }
        } catch (IOException | RuntimeException e) {
            peekable.close();
            throw e;
        }
        return new PredictionRun(model, null, dumps.open(peekable), threads); // the reader closes the stream
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

    /** True when the input is a features CSV rather than a dump. */
    public boolean readsFeaturesCsv() {
        return featuresCsv != null;
    }

    /** Malformed dump rows skipped so far (policy SKIP); 0 for a features CSV. */
    public long skippedRows() {
        return dump == null ? 0 : dump.skippedRows();
    }

    @Override
    public void close() throws IOException {
        if (dump != null) {
            dump.close();
        }
        if (featuresCsv != null) {
            featuresCsv.close();
        }
    }

    private long runOnDump(PredictionWriter out, LongConsumer progress) {
        try (ParallelFeaturizer parallel = new ParallelFeaturizer(new Featurizer(PatternSentiment.shared()), threads)) {
            return parallel.run(dump, row -> score(row, out, progress));
        }
    }

    private long runOnFeatures(PredictionWriter out, LongConsumer progress) throws IOException {
        long rows = 0;
        try {
            while (featuresCsv.hasNext()) {
                score(featuresCsv.next(), out, progress);
                rows++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows;
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
