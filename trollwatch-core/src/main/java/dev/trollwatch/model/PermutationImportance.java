package dev.trollwatch.model;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Permutation importance on held-out rows: for each feature, shuffle that feature's column
 * among the rows (Fisher–Yates, SplitMix64 seeded with {@code seed + 1000·feature + repeat}) and
 * measure the drop in accuracy; the importance is the mean drop over the repeats (it can be
 * negative). Less biased than the gain-based importance towards features with many thresholds.
 */
public final class PermutationImportance {
    /** One feature's mean accuracy drop and its standard deviation over the repeats. */
    public record Entry(String feature, double importance, double sd) {
    }

    private PermutationImportance() {
    }

    /** All 20 features, largest drop first (ties by schema order). */
    public static List<Entry> of(DecisionTree tree, List<FeatureRow> rows, int repeats, long seed) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1");
        }
        int n = rows.size();
        double base = Evaluator.evaluate(tree, rows).accuracy();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = rows.get(i).values().clone();
        }
        List<Entry> out = new ArrayList<>();
        for (int f = 0; f < FeatureSchema.SIZE; f++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = x[i][f];
            }
            double[] drops = new double[repeats];
            for (int k = 0; k < repeats; k++) {
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                new SeededRandom(seed + 1000L * f + k).shuffle(perm);
                long correct = 0;
                for (int i = 0; i < n; i++) {
                    x[i][f] = column[perm[i]];
                    if (tree.leafFor(x[i]).predicted() == rows.get(i).label()) {
                        correct++;
                    }
                }
                drops[k] = base - (n == 0 ? 0 : (double) correct / n);
            }
            for (int i = 0; i < n; i++) {
                x[i][f] = column[i];
            }
            out.add(new Entry(FeatureSchema.NAMES.get(f), Stats.mean(drops), Stats.sd(drops)));
        }
        out.sort(java.util.Comparator.comparingDouble((Entry e) -> -e.importance())
                .thenComparingInt(e -> FeatureSchema.indexOf(e.feature())));
        return List.copyOf(out);
    }
}
