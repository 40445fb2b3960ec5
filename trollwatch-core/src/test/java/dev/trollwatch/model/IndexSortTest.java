package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexSortTest {
    @Test
    void sortsAscendingAndStablyIncludingNegativesAndTies() {
        Random r = new Random(1);
        double[] v = new double[5000];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (i % 5) {
                case 0 -> r.nextInt(10);            // many ties
                case 1 -> -r.nextDouble() * 1e6;
                case 2 -> r.nextGaussian();
                case 3 -> r.nextDouble() * 1e-300;
                default -> Double.MAX_VALUE * (r.nextBoolean() ? 1 : -1);
            };
        }
        int[] idx = IndexSort.ascending(v, v.length);
        for (int i = 1; i < idx.length; i++) {
            assertTrue(v[idx[i - 1]] <= v[idx[i]], "order at " + i);
            if (v[idx[i - 1]] == v[idx[i]] && Double.doubleToRawLongBits(v[idx[i - 1]]) == Double.doubleToRawLongBits(v[idx[i]])) {
                assertTrue(idx[i - 1] < idx[i], "stable at " + i);
            }
        }
        assertEquals(0, IndexSort.ascending(new double[3], 0).length);
    }
}
