package dev.trollwatch.io.dump;

import dev.trollwatch.io.field.DataFormatException;
import dev.trollwatch.io.field.DumpStructureException;
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
            throw new TooManyBadRowsException(file, policy.maxErrors(), e);
        }
    }

    public long skipped() {
        return skipped;
    }

    /**
     * Fails when rows were skipped and none was good: an output of nothing from an input of only bad
     * rows is a failure however the policy reads (the wrong file, or the wrong format).
     */
    void requireSomeRowGood(long rowsRead) {
        if (rowsRead == 0 && skipped > 0) {
            throw new DumpStructureException(file, 0, "every row was malformed (" + skipped + " skipped, none read):"
                    + " the wrong file or the wrong format?");
        }
    }

    /** Logs the end-of-file summary when rows were skipped. */
    public void summarise(long rowsRead) {
        if (skipped > 0) {
            LOG.warn("{}: skipped {} malformed row{}, read {} row{}", file, skipped, skipped == 1 ? "" : "s",
                    rowsRead, rowsRead == 1 ? "" : "s");
        }
    }
}
