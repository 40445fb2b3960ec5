package dev.trollwatch.cli;

import picocli.CommandLine.Option;

/**
 * {@code --threads} for every command that computes features (features, predict, train, evaluate).
 * Results never depend on it: rows come back in input order.
 */
public final class FeaturizerThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "Threads computing features; results do not depend on it. Default: all cores"
                    + " (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** The thread count; a usage error when it is below 1. */
    public int count() {
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }
        return threads;
    }
}
