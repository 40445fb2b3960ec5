package dev.trollwatch.model;

/**
 * A stable sort of indices by double keys, without boxing: J48 sorts every attribute at every
 * node, which dominated training time with a comparison sort. LSD radix sort over the keys' bits
 * mapped to unsigned order (8 passes of 8 bits, passes where all keys share the digit skipped).
 */
final class IndexSort {
    private IndexSort() {
    }

    /** Indices {@code 0..n-1} ordered by {@code keys[i]} ascending; equal keys keep their order. Keys must not be NaN. */
    static int[] ascending(double[] keys, int n) {
        long[] k = new long[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = unsignedOrder(keys[i]);
            idx[i] = i;
        }
        long[] k2 = new long[n];
        int[] idx2 = new int[n];
        int[] count = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((k[i] >>> shift) & 0xFF) + 1]++;
            }
            if (n == 0 || count[(int) ((k[0] >>> shift) & 0xFF) + 1] == n) {
                continue; // every key has the same digit here
            }
            for (int d = 0; d < 256; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < n; i++) {
                int pos = count[(int) ((k[i] >>> shift) & 0xFF)]++;
                k2[pos] = k[i];
                idx2[pos] = idx[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        return idx;
    }

    /** The double's bits rearranged so that unsigned comparison of the longs orders the doubles (−0.0 before 0.0). */
    private static long unsignedOrder(double v) {
        long b = Double.doubleToRawLongBits(v);
        return b < 0 ? ~b : b ^ Long.MIN_VALUE;
    }
}
