package dev.trollwatch.model;

/**
 * SplitMix64 (Steele, Lea, Flood 2014): a tiny, fully specified generator, so that splits and
 * permutations can be reproduced from the seed alone, in any language, whatever the JDK.
 */
final class SeededRandom {
    private long state;

    SeededRandom(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound) by unsigned modulo (bias below 2^-40 for bounds under 2^24). */
    int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    /** Fisher–Yates: for i from n−1 down to 1, swap element i with element nextInt(i + 1). */
    void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
