package dev.trollwatch.features;

/**
 * A bounded memo in front of a {@link PolarityFunction}. The sliding window of recent comments
 * means one body is scored for up to 21 rows; this computes it once while it stays cached.
 * Direct-mapped (a new text evicts whatever shared its slot), so memory is fixed. Results are
 * those of the wrapped function, which must be pure. NOT thread-safe: one per thread.
 */
final class CachingPolarity implements PolarityFunction {
    private final PolarityFunction delegate;
    private final String[] keys;
    private final double[] values;
    private final int mask;

    /** @param capacity number of slots, rounded up to a power of two */
    CachingPolarity(PolarityFunction delegate, int capacity) {
        this.delegate = delegate;
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        this.keys = new String[size];
        this.values = new double[size];
        this.mask = size - 1;
    }

    @Override
    public double polarity(String text) {
        int h = text.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        String cached = keys[slot];
        if (cached != null && cached.equals(text)) {
            return values[slot];
        }
        double p = delegate.polarity(text);
        keys[slot] = text;
        values[slot] = p;
        return p;
    }
}
