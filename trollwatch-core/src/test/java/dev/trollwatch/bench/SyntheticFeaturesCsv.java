package dev.trollwatch.bench;

import dev.trollwatch.model.FeaturesCsvFixture;
import java.nio.file.Path;

/**
 * Writes a synthetic labelled features CSV for benchmarks ({@code scripts/bench-train}) until
 * {@code trollwatch generate} and {@code features} can produce real ones:
 * {@code SyntheticFeaturesCsv OUT ROWS [SEED]}.
 */
public final class SyntheticFeaturesCsv {
    private SyntheticFeaturesCsv() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: SyntheticFeaturesCsv OUT ROWS [SEED]");
            System.exit(2);
        }
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        FeaturesCsvFixture.synthetic(Path.of(args[0]), Integer.parseInt(args[1]), seed);
    }
}
