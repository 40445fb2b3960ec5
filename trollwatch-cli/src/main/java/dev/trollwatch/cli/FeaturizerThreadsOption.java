package dev.trollwatch.cli;

import dev.trollwatch.features.ParallelFeaturizer;
import picocli.CommandLine.Option;

/**
 * {@code --threads} for every command that computes features (features, predict, train, evaluate).
 * Results never depend on it: rows come back in input order.
 */
public final class FeaturizerThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "Threads computing features (1.." + ParallelFeaturizer.MAX_THREADS + "); results do not"
                    + " depend on it. Default: all cores (${DEFAULT-VALUE} here).")
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), ParallelFeaturizer.MAX_THREADS);

    /** The thread count; a usage error outside 1..{@link ParallelFeaturizer#MAX_THREADS}. */
    public int count() {
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }
        if (threads > ParallelFeaturizer.MAX_THREADS) {
            throw new UsageException("--threads must be at most " + ParallelFeaturizer.MAX_THREADS + ", got " + threads
                    + " (the work is CPU-bound: more threads than cores only cost memory)");
        }
        return threads;
    }
}
