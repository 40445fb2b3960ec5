package dev.trollwatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommentDeduplicatorTest {
    @Test
    void keepsTheFirstOccurrenceOfAKeyAndCountsTheRest() {
        CommentDeduplicator d = new CommentDeduplicator();
        assertTrue(d.firstOccurrence("a", "t3_1", 1.0));
        assertFalse(d.firstOccurrence("a", "t3_1", 1.0));
        assertFalse(d.firstOccurrence("a", "t3_1", 1.0));
        assertEquals(2, d.dropped());
        assertEquals(1, d.distinct());
    }

    @Test
    void keysDifferingInAnyPartAreDistinct() {
        CommentDeduplicator d = new CommentDeduplicator();
        assertTrue(d.firstOccurrence("a", "t3_1", 1.0));
        assertTrue(d.firstOccurrence("b", "t3_1", 1.0));
        assertTrue(d.firstOccurrence("a", "t3_2", 1.0));
        assertTrue(d.firstOccurrence("a", "t3_1", 2.0));
        assertTrue(d.firstOccurrence("at3_", "1", 1.0), "field boundaries are part of the key");
        assertTrue(d.firstOccurrence(null, "t3_1", 1.0));
        assertTrue(d.firstOccurrence("", "t3_1", 1.0), "null and empty author differ");
        assertEquals(0, d.dropped());
    }

    @Test
    void nullsAreEqualToEachOtherAsInPandas() {
        CommentDeduplicator d = new CommentDeduplicator();
        assertTrue(d.firstOccurrence(null, null, null));
        assertFalse(d.firstOccurrence(null, null, null));
        assertFalse(d.firstOccurrence(null, null, Double.NaN));
    }

    @Test
    void remembersEveryKeyAcrossTableGrowth() {
        CommentDeduplicator d = new CommentDeduplicator();
        for (int i = 0; i < 200_000; i++) {
            assertTrue(d.firstOccurrence("user" + (i % 1000), "t3_" + i, (double) i));
        }
        for (int i = 0; i < 200_000; i += 7) {
            assertFalse(d.firstOccurrence("user" + (i % 1000), "t3_" + i, (double) i));
        }
        assertEquals(200_000, d.distinct());
    }
}
