package dev.trollwatch.model;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gain-based importance: for each split node, {@code W(n)·H(n) − W(l)·H(l) − W(r)·H(r)}, where W
 * is the node's summed training instance weight (class weights applied), H the entropy in bits
 * of its weighted class distribution (taken from the leaves below it); summed per feature and
 * divided by the total over all features, so the importances sum to 1 (all 0 for a single-leaf
 * tree). Like scikit-learn's {@code feature_importances_} with the entropy criterion.
 */
public final class FeatureImportance {
    /** One feature's importance. */
    public record Entry(String feature, double importance) {
    }

    private FeatureImportance() {
    }

    /** All 20 features, most important first (ties by schema order). */
    public static List<Entry> of(DecisionTree tree) {
        double[] gain = new double[FeatureSchema.SIZE];
        accumulate(tree.root(), gain);
        double total = 0;
        for (double g : gain) {
            total += g;
        }
        List<Entry> out = new ArrayList<>();
        for (int f = 0; f < gain.length; f++) {
            out.add(new Entry(FeatureSchema.NAMES.get(f), total > 0 ? gain[f] / total : 0));
        }
        return sorted(out);
    }

    /** Sorted by importance descending, then schema order. */
    static List<Entry> sorted(List<Entry> entries) {
        List<Entry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparingDouble((Entry e) -> -e.importance())
                .thenComparingInt(e -> FeatureSchema.indexOf(e.feature())));
        return List.copyOf(out);
    }

    /** Returns the class weights under {@code n}, adding each split's weighted gain to {@code gain}. */
    private static double[] accumulate(DecisionTree.Node n, double[] gain) {
        if (n instanceof DecisionTree.Leaf leaf) {
            return leaf.weights().clone();
        }
        DecisionTree.Split s = (DecisionTree.Split) n;
        double[] l = accumulate(s.left(), gain);
        double[] r = accumulate(s.right(), gain);
        double[] both = new double[Label.values().length];
        for (int c = 0; c < both.length; c++) {
            both[c] = l[c] + r[c];
        }
        double g = Entropy.weightedBits(both) - Entropy.weightedBits(l) - Entropy.weightedBits(r);
        gain[s.feature()] += Math.max(0, g);
        return both;
    }
}
