package dev.trollwatch.features;

/**
 * Means and minima with pandas' null handling: nulls (NaN) are skipped; when every value is
 * null the result is 0 (pandas would give NaN; trollwatch documents 0 instead).
 * Sums follow numpy's pairwise summation (the reference's {@code Series.mean()}), nulls counted
 * as 0 in the sum as pandas' nanops do, so results agree with the reference to the last bit
 * in the common cases.
 */
final class NanStats {
    private NanStats() {
    }

    /** Mean of the non-NaN values among {@code v[0..n)}; 0 when there are none. */
    static double mean(double[] v, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(v[i])) {
                count++;
            }
        }
        if (count == 0) {
            return 0.0;
        }
        double mean = pairwiseSum(v, n) / count;
        return Double.isInfinite(mean) ? meanWithoutOverflow(v, n, count) : mean;
    }

    /**
     * The mean of finite values is finite, but their sum can overflow (twenty scores of 1e307):
     * numpy then gives inf, which no model accepts as a feature. Summing the shares instead stays
     * within range; only such inputs take this path, so every other mean keeps numpy's bits.
     */
    private static double meanWithoutOverflow(double[] v, int n, int count) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += z(v[i]) / count;
        }
        // Rounding can still step past the largest double when every value is near it.
        return Double.isInfinite(mean) ? Math.copySign(Double.MAX_VALUE, mean) : mean;
    }

    /** Minimum of the non-NaN values among {@code v[0..n)}; 0 when there are none. */
    static double min(double[] v, int n) {
        double min = Double.NaN;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            if (!Double.isNaN(x) && (Double.isNaN(min) || x < min)) {
                min = x;
            }
        }
        return Double.isNaN(min) ? 0.0 : min;
    }

    /** Maximum of the non-NaN values among {@code v[0..n)}; 0 when there are none. */
    static double max(double[] v, int n) {
        double max = Double.NaN;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            if (!Double.isNaN(x) && (Double.isNaN(max) || x > max)) {
                max = x;
            }
        }
        return Double.isNaN(max) ? 0.0 : max;
    }

    /**
     * numpy's pairwise sum for up to 128 values (NaN counted as 0): a plain loop below 8 values,
     * else eight interleaved partial sums combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then
     * the remainder added in order. Longer inputs (never more than 21 here) fall back to halves.
     */
    static double pairwiseSum(double[] v, int n) {
        return pairwise(v, 0, n);
    }

    private static double pairwise(double[] v, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += z(v[from + i]);
            }
            return res;
        }
        if (n <= 128) {
            double r0 = z(v[from]);
            double r1 = z(v[from + 1]);
            double r2 = z(v[from + 2]);
            double r3 = z(v[from + 3]);
            double r4 = z(v[from + 4]);
            double r5 = z(v[from + 5]);
            double r6 = z(v[from + 6]);
            double r7 = z(v[from + 7]);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                r0 += z(v[from + i]);
                r1 += z(v[from + i + 1]);
                r2 += z(v[from + i + 2]);
                r3 += z(v[from + i + 3]);
                r4 += z(v[from + i + 4]);
                r5 += z(v[from + i + 5]);
                r6 += z(v[from + i + 6]);
                r7 += z(v[from + i + 7]);
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += z(v[from + i]);
            }
            return res;
        }
        int half = (n / 2) - ((n / 2) % 8);
        return pairwise(v, from, half) + pairwise(v, from + half, n - half);
    }

    private static double z(double x) {
        return Double.isNaN(x) ? 0.0 : x;
    }
}
