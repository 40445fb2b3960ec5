package dev.trollwatch.cli;

/** The process exit codes every subcommand uses (documented in the README). */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** Failure: I/O, bad data, unusable model, internal error. */
    public static final int FAILURE = 1;
    /** Usage error: unknown option, bad option value, missing argument. */
    public static final int USAGE = 2;
    /** A quality gate (e.g. {@code evaluate --min-accuracy}) was not met. */
    public static final int QUALITY_GATE = 3;

    private ExitCode() {
    }
}
