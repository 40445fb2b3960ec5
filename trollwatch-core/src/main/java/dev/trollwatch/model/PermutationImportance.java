package dev.trollwatch.model;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Permutation importance on held-out rows: for each feature, shuffle that feature's column
 * among the rows (Fisher–Yates, SplitMix64 seeded with {@code seed + 1000·feature + repeat}) and
 * measure the drop in accuracy; the importance is the mean drop over the repeats (it can be
 * negative). Less biased than the gain-based importance towards features with many thresholds.
 *
 * <p>Features run in parallel, each with its own seeds, so results do not depend on the threads.
 * A feature the tree never splits on cannot change a prediction: its drops are 0 without scoring
 * (a depth-3 tree uses at most 7 of the 20 features; 1,000 repeats on 93,668 rows took 4 minutes).
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
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rows.get(i).values();
            truth[i] = rows.get(i).label().ordinal();
        }
        boolean[] used = new boolean[FeatureSchema.SIZE];
        for (int f : tree.splitFeatures()) {
            used[f] = true;
        }
        List<Entry> out = new ArrayList<>(IntStream.range(0, FeatureSchema.SIZE).parallel()
                .mapToObj(f -> {
                    double[] drops = !used[f] ? new double[repeats] : drops(tree, x, truth, f, base, repeats, seed);
                    return new Entry(FeatureSchema.NAMES.get(f), Stats.mean(drops), Stats.sd(drops));
                })
                .toList());
        out.sort(java.util.Comparator.comparingDouble((Entry e) -> -e.importance())
                .thenComparingInt(e -> FeatureSchema.indexOf(e.feature())));
        return List.copyOf(out);
    }

    /** The accuracy drop of each repeat's shuffle of column {@code f}; the rows themselves are not changed. */
    private static double[] drops(DecisionTree tree, double[][] x, int[] truth, int f, double base, int repeats, long seed) {
        int n = x.length;
        double[] column = new double[n];
        for (int i = 0; i < n; i++) {
            column[i] = x[i][f];
        }
        int[] perm = new int[n];
        double[] drops = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            new SeededRandom(seed + 1000L * f + k).shuffle(perm);
            long correct = 0;
            for (int i = 0; i < n; i++) {
                if (predicted(tree, x[i], f, column[perm[i]]) == truth[i]) {
                    correct++;
                }
            }
            drops[k] = base - (n == 0 ? 0 : (double) correct / n);
        }
        return drops;
    }

    /** The class the tree predicts for {@code row} with feature {@code f} taken as {@code value}. */
    private static int predicted(DecisionTree tree, double[] row, int f, double value) {
        DecisionTree.Node node = tree.root();
        while (node instanceof DecisionTree.Split s) {
            double v = s.feature() == f ? value : row[s.feature()];
            node = tree.precision().goesLeft(v, s.threshold()) ? s.left() : s.right();
        }
        return ((DecisionTree.Leaf) node).predicted().ordinal();
    }
}
