package dev.trollwatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingPolarityTest {
    private final AtomicInteger calls = new AtomicInteger();
    private final PolarityFunction counting = text -> {
        calls.incrementAndGet();
        return text.length() / 10_000.0;
    };

    @Test
    void aShortTextIsScoredOnce() {
        CachingPolarity memo = new CachingPolarity(counting, 64);
        String text = "a".repeat(CachingPolarity.MAX_CACHED_CHARS);
        assertEquals(0.1, memo.polarity(text));
        assertEquals(0.1, memo.polarity(new String(text)));
        assertEquals(1, calls.get());
    }

    @Test
    void aLongTextIsNotKeptSoTheMemoCannotFillTheHeap() {
        CachingPolarity memo = new CachingPolarity(counting, 64);
        String text = "a".repeat(CachingPolarity.MAX_CACHED_CHARS + 1);
        assertEquals(0.1001, memo.polarity(text));
        assertEquals(0.1001, memo.polarity(text));
        assertEquals(2, calls.get());
    }
}
