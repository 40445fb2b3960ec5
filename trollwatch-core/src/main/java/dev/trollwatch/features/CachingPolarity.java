package dev.trollwatch.features;

/**
 * A bounded memo in front of a {@link PolarityFunction}, shared by all threads. The sliding
 * window of recent comments puts one body in up to 21 rows; this scores it once while it stays
 * cached. Direct-mapped (a new text evicts whatever shared its slot), and only texts of at most
 * {@link #MAX_CACHED_CHARS} chars are kept, so memory is bounded by slots × that length whatever
 * the input: without the cap, a dump of long distinct bodies filled the heap.
 *
 * <p>Thread-safe without locks: slots hold immutable entries whose fields are final, so a
 * racing reader sees either a complete entry or another one, never a torn one; a lost update
 * only costs a recomputation. Results are exactly those of the wrapped (pure) function.
 */
final class CachingPolarity implements PolarityFunction {
    /** Longer texts are scored every time; Reddit comments are mostly far shorter. */
    static final int MAX_CACHED_CHARS = 1000;

    private final PolarityFunction delegate;
    private final Entry[] slots;
    private final int mask;

    private record Entry(String text, double polarity) {
    }

    /** @param capacity number of slots, rounded up to a power of two */
    CachingPolarity(PolarityFunction delegate, int capacity) {
        this.delegate = delegate;
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        this.slots = new Entry[size];
        this.mask = size - 1;
    }

    @Override
    public double polarity(String text) {
        if (text.length() > MAX_CACHED_CHARS) {
            return delegate.polarity(text);
        }
        int h = text.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        Entry e = slots[slot];
        if (e != null && e.text.equals(text)) {
            return e.polarity;
        }
        double p = delegate.polarity(text);
        slots[slot] = new Entry(text, p);
        return p;
    }
}
