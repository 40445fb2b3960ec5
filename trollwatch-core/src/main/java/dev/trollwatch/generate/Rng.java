package dev.trollwatch.generate;

import java.util.SplittableRandom;

/** The generator's one source of randomness (seeded, so the same seed gives the same data) with the draws it needs. */
final class Rng {
    private final SplittableRandom random;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Uniform int in [0, bound). */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform int in [lo, hi] inclusive. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    double gaussian() {
        // Box-Muller; one value per call keeps the stream simple to reason about.
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Log-normal with this median and log-space spread. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * gaussian());
    }

    /** Exponential with this mean. */
    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /** Geometric count >= 1 with this mean. */
    int geometric(double mean) {
        double p = 1 / mean;
        return 1 + (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
    }
}
