package dev.trollwatch.io.dump;

/**
 * What a reader does with a malformed row: {@link Mode#FAIL} stops at the first one; {@link Mode#SKIP}
 * logs it, counts it and goes on, failing once more than {@code maxErrors} rows were skipped.
 * File-level problems (missing columns, a truncated psql dump, an unterminated quote, a record longer
 * than {@code maxRecordChars}, corrupt bytes, a file with no good row) always fail.
 */
public record ErrorPolicy(Mode mode, long maxErrors, int maxRecordChars) {
    /**
     * The longest record (a CSV record, a psql or JSON Lines line) a reader accepts by default, in
     * characters: 16× the largest real one (a 10,000-character body plus 20 recent comments of as
     * many), small enough that a file with no line breaks fails long before the heap does.
     */
    public static final int DEFAULT_MAX_RECORD_CHARS = 4 << 20;

    /** Stop at the first bad row (the default). */
    public static final ErrorPolicy FAIL = new ErrorPolicy(Mode.FAIL, 0);

    public enum Mode { FAIL, SKIP }

    /** A policy with the default record bound. */
    public ErrorPolicy(Mode mode, long maxErrors) {
        this(mode, maxErrors, DEFAULT_MAX_RECORD_CHARS);
    }

    public ErrorPolicy {
        if (maxRecordChars < 1) {
            throw new IllegalArgumentException("maxRecordChars must be >= 1, got " + maxRecordChars);
        }
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

    /** The same policy with another record bound. */
    public ErrorPolicy withMaxRecordChars(int chars) {
        return new ErrorPolicy(mode, maxErrors, chars);
    }

    public boolean skips() {
        return mode == Mode.SKIP;
    }
}
