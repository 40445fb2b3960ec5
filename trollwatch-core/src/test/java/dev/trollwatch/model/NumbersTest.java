package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void compactKeepsSixSignificantDigitsAndWholeNumbers() {
        assertEquals("0.349", Numbers.compact(0.349));
        assertEquals("1811", Numbers.compact(1811.0));
        assertEquals("0.333333", Numbers.compact(1.0 / 3));
        assertEquals("-2.5", Numbers.compact(-2.5));
    }

    @Test
    void hugeAndTinyMagnitudesAreScientificNotHundredsOfDigits() {
        // Found by probing: a feature value of 1e308 was written as a 309-digit integer.
        assertEquals("1E+308", Numbers.compact(1e308));
        assertEquals("1.23457E+20", Numbers.compact(1.234567e20));
        assertEquals("1.5E-9", Numbers.compact(1.5e-9));
    }

    @Test
    void aValueAndItsThresholdAreShownApartWhenTheyDiffer() {
        // Found by probing: 361.00001 against 361 read "author_link_karma 361 > 361".
        assertArrayEquals(new String[] {"361.00001", "361"}, Numbers.apart(361.00001, 361));
        assertArrayEquals(new String[] {"0.349", "0.349"}, Numbers.apart(0.349, 0.349));
        assertArrayEquals(new String[] {"0.81", "0.349"}, Numbers.apart(0.81, 0.349));
        String[] close = Numbers.apart(Math.nextUp(0.5), 0.5);
        assertEquals(false, close[0].equals(close[1]), close[0] + " vs " + close[1]);
    }
}
