package dev.trollwatch.io.dump;

/**
 * What a reader does with a malformed row: {@link Mode#FAIL} stops at the first one; {@link Mode#SKIP}
 * logs it, counts it and goes on, failing once more than {@code maxErrors} rows were skipped.
 * File-level problems (missing columns, a truncated psql dump, an unterminated quote) always fail.
 */
public record ErrorPolicy(Mode mode, long maxErrors) {
    /** Stop at the first bad row (the default). */
    public static final ErrorPolicy FAIL = new ErrorPolicy(Mode.FAIL, 0);

    public enum Mode { FAIL, SKIP }

    public ErrorPolicy {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (maxErrors < 0) {
            throw new IllegalArgumentException("maxErrors must be >= 0, got " + maxErrors);
        }
    }

    /** Skip bad rows, failing when more than {@code maxErrors} were skipped. */
    public static ErrorPolicy skip(long maxErrors) {
        return new ErrorPolicy(Mode.SKIP, maxErrors);
    }

    /** Skip any number of bad rows. */
    public static ErrorPolicy skipAll() {
        return new ErrorPolicy(Mode.SKIP, Long.MAX_VALUE);
    }

    public boolean skips() {
        return mode == Mode.SKIP;
    }
}
