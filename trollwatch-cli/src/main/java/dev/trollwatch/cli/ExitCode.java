package dev.trollwatch.cli;

/**
 * The process exit codes every subcommand uses (documented in the README and {@code trollwatch --help}),
 * so that a CI job can tell "fix the data" (1) from "report a bug" (4).
 */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** Failure the user can fix: I/O, bad data, unusable model, out of memory (give the JVM more heap). */
    public static final int FAILURE = 1;
    /** Usage error: unknown option, bad option value, missing argument. */
    public static final int USAGE = 2;
    /** A quality gate (e.g. {@code evaluate --min-accuracy}) was not met. */
    public static final int QUALITY_GATE = 3;
    /** Internal error: a bug in trollwatch (an unexpected exception, a stack overflow), not bad data. */
    public static final int INTERNAL = 4;

    private ExitCode() {
    }
}
