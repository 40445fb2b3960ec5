package dev.trollwatch.spark.job;

import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.dump.InputFormat;
import java.io.Serializable;

/**
 * How the jobs read dumps, in a form that travels to executors.
 *
 * @param format    the text format (null: detected per file, as the CLI does); Parquet files are
 *                  recognised by their {@code .parquet} name whatever this says
 * @param skip      skip malformed rows instead of failing
 * @param maxErrors with {@code skip}: fail once more than this many rows of one file were skipped
 */
public record DumpOptions(InputFormat format, boolean skip, long maxErrors) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Detected format, fail on the first bad row. */
    public static final DumpOptions DEFAULT = new DumpOptions(null, false, 0);

    /** The core's policy for one file. */
    public ErrorPolicy policy() {
        return skip ? ErrorPolicy.skip(maxErrors) : ErrorPolicy.FAIL;
    }
}
