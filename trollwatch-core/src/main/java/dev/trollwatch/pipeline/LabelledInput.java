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
import dev.trollwatch.io.table.FeaturesCsvRows;
import dev.trollwatch.model.Numbers;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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

    /**
     * Labelled rows and the SHA-256 of the input's bytes as stored (the compressed bytes of a .gz), both
     * from the one pass over the input.
     */
    public record LabelledData(List<FeatureRow> rows, String sha256) {
    }

    private LabelledInput() {
    }

    /**
     * Reads labelled rows from a stream — a file, a FIFO or stdin: it is opened once and read once, the
     * kind of input told from its first line, and fingerprinted on the way. {@code progress} hears how
     * many rows were read as it goes. The stream is read to its end but not closed.
     */
    public static LabelledData read(InputStream raw, String name, DumpOptions options, LongConsumer progress)
            throws IOException {
        MessageDigest sha = sha256();
        BufferedInputStream in = new BufferedInputStream(new DigestInputStream(raw, sha), 1 << 16);
        if (options.format() != null) {
            refuseFeaturesCsvAsDump(in, name);
        }
        boolean featuresCsv = options.format() == null && FeaturesCsvReader.isFeaturesCsv(in);
        if (featuresCsv) {
            noteStrictReading(name, options.policy());
        }
        List<FeatureRow> rows = featuresCsv ? readFeaturesCsv(in, name, progress) : readDump(in, name, options, progress);
        in.transferTo(OutputStream.nullOutputStream()); // the fingerprint covers every byte, read or not
        return new LabelledData(rows, HexFormat.of().formatHex(sha.digest()));
    }

    /**
     * A dump format was named for a stream that is a features CSV: read as a dump it would fail on
     * its header for want of body and recent_comments, which tells nothing of the cause. The stream
     * must support mark/reset and is left where it was.
     */
    public static void refuseFeaturesCsvAsDump(InputStream in, String name) throws IOException {
        if (FeaturesCsvReader.isFeaturesCsv(in)) {
            throw new TrollwatchException(name + " is a features CSV; --format names a dump format: leave --format out"
                    + " to read it as features");
        }
    }

    /**
     * Skipping malformed rows is a policy for dumps, whose rows come from a database or a crawl; a
     * features CSV is trollwatch's own output, read strictly. Asked to skip, the user hears so up
     * front rather than from the first bad value.
     */
    public static void noteStrictReading(String name, ErrorPolicy policy) {
        if (policy != null && policy.skips()) {
            LOG.warn("{} is a features CSV: skipping malformed rows applies to dumps; a bad value in it fails the run", name);
        }
    }

    private static List<FeatureRow> readFeaturesCsv(InputStream in, String name, LongConsumer progress)
            throws IOException {
        List<FeatureRow> rows = new ArrayList<>();
        long[] pending = new long[1];
        try (FeaturesCsvRows csv = FeaturesCsvReader.open(new NonClosingInputStream(in), name)) {
            if (!csv.hasTarget()) { // told at the header, not after reading every row
                throw new TrollwatchException(name + ":1: no target column: train and evaluate need labelled rows");
            }
            while (csv.hasNext()) {
                rows.add(csv.next());
                if (++pending[0] == PROGRESS_EVERY) {
                    progress.accept(pending[0]);
                    pending[0] = 0;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        progress.accept(pending[0]);
        return rows;
    }

    private static List<FeatureRow> readDump(InputStream in, String name, DumpOptions options, LongConsumer progress)
            throws IOException {
        List<FeatureRow> rows = new ArrayList<>();
        CommentReader reader = CommentReaders.open(new NonClosingInputStream(in), name, options.format(), options.policy());
        try (reader; ParallelFeaturizer featurizer = new ParallelFeaturizer(new Featurizer(PatternSentiment.shared()),
                options.threads())) {
            if (!reader.hasLabels()) {
                throw new TrollwatchException(name + ": neither a features CSV nor a labelled dump: it has no is_bot and"
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
                LOG.warn("{}: {} skipped", name, Numbers.count(reader.skippedRows(), "malformed row", "malformed rows"));
            }
            LOG.info("{}: features computed for {} ({} format)", name, Numbers.count(rows.size(), "row", "rows"),
                    reader.format().cliName());
        }
        return rows;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Lets a reader close its decoding layers while the stream goes on being drained for the digest. */
    private static final class NonClosingInputStream extends FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
