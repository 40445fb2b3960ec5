package dev.trollwatch.model;

/** A stable sort of indices by double keys, without boxing (J48 sorts every attribute at every node). */
final class IndexSort {
    private IndexSort() {
    }

    /** Indices {@code 0..n-1} ordered by {@code keys[i]} ascending; equal keys keep their order. */
    static int[] ascending(double[] keys, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] tmp = new int[n];
        // Bottom-up merge sort: runs of width 1, 2, 4, ...
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                if (keys[a[mid - 1]] <= keys[a[mid]]) {
                    continue; // already in order
                }
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    tmp[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    tmp[k++] = a[i++];
                }
                while (j < hi) {
                    tmp[k++] = a[j++];
                }
                System.arraycopy(tmp, lo, a, lo, hi - lo);
            }
        }
        return a;
    }
}
