package dev.trollwatch.pipeline;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.ParallelFeaturizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.dump.CommentReaders;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.dump.InputFormat;
import dev.trollwatch.io.table.FeaturesCsvReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labelled feature rows for training or evaluation, from either kind of input: a features CSV
 * (recognised by its header) is read as it is; anything else is a dump of {@code reddit_comments}
 * whose features are computed on the fly with the same featurizer as {@code trollwatch features}
 * (rows come back in input order whatever the thread count). De-duplication and relabelling
 * happen later, on the rows, for both kinds.
 */
public final class LabelledInput {
    private static final Logger LOG = LoggerFactory.getLogger(LabelledInput.class);
    private static final int PROGRESS_EVERY = 1000;

    /**
     * How to read a dump.
     *
     * @param format  the dump format, or null to detect it (a features CSV is recognised first)
     * @param policy  what to do with a malformed dump row
     * @param threads featurizer threads
     */
    public record DumpOptions(InputFormat format, ErrorPolicy policy, int threads) {
        /** Detected format, fail on a bad row, one thread. */
        public static final DumpOptions DEFAULT = new DumpOptions(null, ErrorPolicy.FAIL, 1);
    }

    private LabelledInput() {
    }

    public static List<FeatureRow> read(Path file) throws IOException {
        return read(file, DumpOptions.DEFAULT, n -> { });
    }

    /** As {@link #read(Path)}, telling {@code progress} how many rows were read as it goes. */
    public static List<FeatureRow> read(Path file, DumpOptions options, LongConsumer progress) throws IOException {
        List<FeatureRow> rows = new ArrayList<>();
        if (options.format() == null && FeaturesCsvReader.isFeaturesCsv(file)) {
            long[] pending = new long[1];
            FeaturesCsvReader.read(file, r -> {
                rows.add(r);
                if (++pending[0] == PROGRESS_EVERY) {
                    progress.accept(pending[0]);
                    pending[0] = 0;
                }
            });
            progress.accept(pending[0]);
            return rows;
        }
        try (CommentReader reader = CommentReaders.open(file, options.format(), options.policy());
             ParallelFeaturizer featurizer = new ParallelFeaturizer(new Featurizer(PatternSentiment.shared()), options.threads())) {
            if (!reader.hasLabels()) {
                throw new TrollwatchException(file + ": neither a features CSV nor a labelled dump: it has no is_bot and"
                        + " is_troll columns, which training and evaluation need");
            }
            long[] pending = new long[1];
            featurizer.run(reader, r -> {
                rows.add(r);
                if (++pending[0] == PROGRESS_EVERY) {
                    progress.accept(pending[0]);
                    pending[0] = 0;
                }
            });
            progress.accept(pending[0]);
            if (reader.skippedRows() > 0) {
                LOG.warn("{}: {} malformed rows skipped", file, reader.skippedRows());
            }
            LOG.info("{}: features computed for {} rows ({} format)", file, rows.size(), reader.format().cliName());
        }
        return rows;
    }
}
