package dev.trollwatch.pipeline;

import dev.trollwatch.features.CommentDeduplicator;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.ParallelFeaturizer;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.table.FeaturesCsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.LongConsumer;

/**
 * Streams a dump into a features CSV: rows repeating an earlier (author, link_id, created_utc)
 * are dropped, the rest featurized on {@code threads} threads and written in input order by
 * {@link FeaturesCsvWriter}. Memory stays flat whatever the input size. A file appears at its
 * destination only when every row was written.
 */
public final class FeaturesExport {
    private static final int PROGRESS_EVERY = 1000;

    /** What was written: rows, duplicate rows dropped, malformed rows the reader skipped. */
    public record Result(long rows, long duplicates, long skipped) {
    }

    private FeaturesExport() {
    }

    /** Writes features CSV to a stream the caller owns (e.g. stdout); flushed, not closed. */
    public static Result toStream(CommentReader reader, OutputStream out, Featurizer featurizer, int threads,
            LongConsumer progress) throws IOException {
        return write(reader, out, featurizer, threads, progress);
    }

    private static Result write(CommentReader reader, OutputStream out, Featurizer featurizer, int threads,
            LongConsumer progress) throws IOException {
        FeaturesCsvWriter writer = new FeaturesCsvWriter(out);
        CommentDeduplicator dedup = new CommentDeduplicator();
        long[] pending = new long[1];
        try (ParallelFeaturizer parallel = new ParallelFeaturizer(featurizer, threads)) {
            parallel.run(dedup.filter(reader), row -> {
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++pending[0] == PROGRESS_EVERY) {
                    progress.accept(pending[0]);
                    pending[0] = 0;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        progress.accept(pending[0]);
        writer.flush();
        return new Result(writer.rows(), dedup.dropped(), reader.skippedRows());
    }
}
