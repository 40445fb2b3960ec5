package dev.trollwatch.model.explain;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Exact Shapley values of a tree's class probabilities, with the value function of TreeSHAP's
 * path-dependent algorithm (Lundberg et al., 2020): a coalition S of features is worth the
 * expected output when the features in S follow the row and the others are averaged over the
 * training data, each split sending a missing feature both ways in proportion to the children's
 * cover. Cover is the summed training instance weight (class weights applied, as scikit-learn's
 * {@code weighted_n_node_samples}), so the base value is the class-weighted training prior.
 *
 * <p>A depth-3 tree splits on at most 7 distinct features, so instead of TreeSHAP's polynomial
 * recursion every coalition is evaluated: at most 2^7 = 128 walks of at most 15 nodes.
 */
public final class TreeShapley {
    private static final int MAX_FEATURES = 16;
    private static final int CLASSES = Label.values().length;

    private TreeShapley() {
    }

    public static ShapleyValues of(DecisionTree tree, double[] features, BranchRule rule) {
        int[] used = usedFeatures(tree);
        int m = used.length;
        if (m > MAX_FEATURES) {
            throw new IllegalArgumentException("exact Shapley values need at most " + MAX_FEATURES
                    + " distinct split features, the tree has " + m);
        }
        int[] position = new int[FeatureSchema.SIZE];
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < m; i++) {
            position[used[i]] = i;
        }
        double[][] value = new double[1 << m][];
        for (int mask = 0; mask < value.length; mask++) {
            value[mask] = expected(tree.root(), features, rule, mask, position);
        }
        double[] factorial = new double[m + 1];
        factorial[0] = 1;
        for (int i = 1; i <= m; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        double[][] phi = new double[CLASSES][FeatureSchema.SIZE];
        for (int i = 0; i < m; i++) {
            int bit = 1 << i;
            for (int mask = 0; mask < value.length; mask++) {
                if ((mask & bit) != 0) {
                    continue;
                }
                int s = Integer.bitCount(mask);
                double weight = factorial[s] * factorial[m - s - 1] / factorial[m];
                for (int c = 0; c < CLASSES; c++) {
                    phi[c][used[i]] += weight * (value[mask | bit][c] - value[mask][c]);
                }
            }
        }
        return new ShapleyValues(value[0], phi, used);
    }

    /** The distinct features the tree splits on, ascending. */
    static int[] usedFeatures(DecisionTree tree) {
        TreeSet<Integer> set = new TreeSet<>();
        List<DecisionTree.Node> todo = new ArrayList<>(List.of(tree.root()));
        while (!todo.isEmpty()) {
            if (todo.remove(todo.size() - 1) instanceof DecisionTree.Split s) {
                set.add(s.feature());
                todo.add(s.left());
                todo.add(s.right());
            }
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Summed training instance weight under a node. */
    static double cover(DecisionTree.Node n) {
        if (n instanceof DecisionTree.Split s) {
            return cover(s.left()) + cover(s.right());
        }
        double w = 0;
        for (double x : ((DecisionTree.Leaf) n).weights()) {
            w += x;
        }
        return w;
    }

    private static double[] expected(DecisionTree.Node n, double[] x, BranchRule rule, int mask, int[] position) {
        if (n instanceof DecisionTree.Leaf leaf) {
            return leaf.probabilities();
        }
        DecisionTree.Split s = (DecisionTree.Split) n;
        if ((mask & (1 << position[s.feature()])) != 0) {
            return expected(rule.goesLeft(s, x) ? s.left() : s.right(), x, rule, mask, position);
        }
        double wl = cover(s.left());
        double wr = cover(s.right());
        double share = wl + wr > 0 ? wl / (wl + wr) : 0.5;
        double[] l = expected(s.left(), x, rule, mask, position);
        double[] r = expected(s.right(), x, rule, mask, position);
        double[] out = new double[l.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = share * l[c] + (1 - share) * r[c];
        }
        return out;
    }
}
