package dev.trollwatch.model;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeded train/test splits and k folds. Input rows must already be in a deterministic order
 * ({@link DataPreparation} sorts them). The algorithm, so anyone can reproduce a split:
 * <ul>
 *   <li>Stratified hold-out: for each class in {@link Label} order, take that class's rows in
 *       input order, shuffle them with Fisher–Yates driven by one SplitMix64 generator seeded with
 *       {@code seed} (shared across the classes, in that order), and send the first
 *       {@code round(n_class · fraction)} to the test set.</li>
 *   <li>Plain hold-out ({@code --no-stratify}): the same on all rows at once.</li>
 *   <li>k folds: per class as above (stratified), shuffled rows are dealt to folds 0, 1, …, k−1
 *       in turn, the deal continuing across classes so fold sizes differ by at most one.</li>
 * </ul>
 * Train and test lists keep the input order.
 */
public final class DataSplitter {
    private DataSplitter() {
    }

    /** A hold-out split with {@code testFraction} of the rows (per class when stratified) in test. */
    public static DataSplit holdOut(List<FeatureRow> rows, double testFraction, long seed, boolean stratify) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        SeededRandom random = new SeededRandom(seed);
        boolean[] inTest = new boolean[rows.size()];
        for (int[] group : groups(rows, stratify)) {
            random.shuffle(group);
            long take = Math.round(group.length * testFraction);
            for (int i = 0; i < take; i++) {
                inTest[group[i]] = true;
            }
        }
        List<FeatureRow> train = new ArrayList<>();
        List<FeatureRow> test = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (inTest[i] ? test : train).add(rows.get(i));
        }
        return new DataSplit(train, test);
    }

    /** k stratified folds: split i tests on fold i and trains on the others. */
    public static List<DataSplit> folds(List<FeatureRow> rows, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        if (k > rows.size()) { // folds without a test row would be evaluated as empty
            throw new TrollwatchException("cross-validation with " + k + " folds needs at least " + k
                    + " rows; the data has " + rows.size());
        }
        SeededRandom random = new SeededRandom(seed);
        int[] fold = new int[rows.size()];
        int next = 0;
        for (int[] group : groups(rows, true)) {
            random.shuffle(group);
            for (int idx : group) {
                fold[idx] = next;
                next = (next + 1) % k;
            }
        }
        List<DataSplit> out = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            List<FeatureRow> train = new ArrayList<>();
            List<FeatureRow> test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                (fold[i] == f ? test : train).add(rows.get(i));
            }
            out.add(new DataSplit(train, test));
        }
        return out;
    }

    /** Row indices per class in Label order (one group of all rows when not stratified). */
    private static List<int[]> groups(List<FeatureRow> rows, boolean stratify) {
        List<int[]> out = new ArrayList<>();
        if (!stratify) {
            int[] all = new int[rows.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            out.add(all);
            return out;
        }
        for (Label l : Label.values()) {
            out.add(java.util.stream.IntStream.range(0, rows.size()).filter(i -> rows.get(i).label() == l).toArray());
        }
        return out;
    }
}
