package dev.trollwatch.io;

import dev.trollwatch.TrollwatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an {@link ErrorPolicy} to malformed rows: rethrow, or log at WARN and count up to the bound.
 * Public for readers outside this package (the Spark job's Parquet input).
 */
public final class BadRowHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BadRowHandler.class);

    private final ErrorPolicy policy;
    private final String file;
    private long skipped;

    public BadRowHandler(ErrorPolicy policy, String file) {
        this.policy = policy;
        this.file = file;
    }

    /** Rethrows under FAIL (and for whole-file problems); otherwise logs and counts the row. */
    public void handle(DataFormatException e) {
        if (!policy.skips() || e instanceof DumpStructureException) {
            throw e;
        }
        skipped++;
        LOG.warn("skipped: {}", e.getMessage());
        if (skipped > policy.maxErrors()) {
            throw new TrollwatchException(file + ": more than " + policy.maxErrors()
                    + " malformed rows (--max-errors " + policy.maxErrors() + "); the last: " + e.getMessage());
        }
    }

    public long skipped() {
        return skipped;
    }

    /** Logs the end-of-file summary when rows were skipped. */
    public void summarise(long rowsRead) {
        if (skipped > 0) {
            LOG.warn("{}: skipped {} malformed row{}, read {} row{}", file, skipped, skipped == 1 ? "" : "s",
                    rowsRead, rowsRead == 1 ? "" : "s");
        }
    }
}
