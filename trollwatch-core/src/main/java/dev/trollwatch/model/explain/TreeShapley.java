package dev.trollwatch.model.explain;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;

/**
 * Exact Shapley values of a tree's class probabilities, with the value function of TreeSHAP's
 * path-dependent algorithm (Lundberg et al., 2020): a coalition S of features is worth the
 * expected output when the features in S follow the row and the others are averaged over the
 * training data, each split sending a missing feature both ways in proportion to the children's
 * cover. Cover is the summed training instance weight (class weights applied, as scikit-learn's
 * {@code weighted_n_node_samples}), so the base value is the class-weighted training prior.
 *
 * <p>Computed with TreeSHAP's polynomial recursion, not by evaluating every coalition: a tree of
 * any size (an unlimited-depth J48 uses all 20 features; an imported scikit-learn tree may be 64
 * deep) costs O(leaves · depth²), where 2^features walks would never end. Along the path to each
 * leaf it keeps, for every distinct feature split on, the fraction of the training data that goes
 * this way when the feature is unknown (zero) or follows the row (one), and the weights of the
 * subset sizes; a feature split on again further down is first taken out of the path ("unwound")
 * and its fractions multiplied into the new split's.
 */
public final class TreeShapley {
    private static final int CLASSES = Label.values().length;

    private TreeShapley() {
    }

    public static ShapleyValues of(DecisionTree tree, double[] features, BranchRule rule) {
        Walk walk = new Walk(features, rule, tree.depth());
        walk.visit(tree.root(), 0, 0, 1, 1, -1);
        return new ShapleyValues(walk.base, walk.phi, tree.splitFeatures());
    }

    /** The distinct features the tree splits on, ascending. */
    static int[] usedFeatures(DecisionTree tree) {
        return tree.splitFeatures();
    }

    /**
     * Summed training instance weight under a node. Computed where needed rather than stored: that
     * costs O(nodes · depth) per row, less than the recursion's O(leaves · depth²), and a model needs
     * no per-tree state.
     */
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

    /** One row's recursion: the paths of every level, and the contributions summed so far. */
    private static final class Walk {
        private final double[] x;
        private final BranchRule rule;
        final double[][] phi = new double[CLASSES][FeatureSchema.SIZE];
        /** The output with no feature known: each leaf weighted by the product of its path's shares. */
        final double[] base = new double[CLASSES];
        // The path at recursion level L is in row L: each level extends a copy of its parent's.
        private final int[][] feature;
        private final double[][] zero;
        private final double[][] one;
        private final double[][] weight;

        Walk(double[] x, BranchRule rule, int depth) {
            this.x = x;
            this.rule = rule;
            int n = depth + 2;
            feature = new int[n][n];
            zero = new double[n][n];
            one = new double[n][n];
            weight = new double[n][n];
        }

        void visit(DecisionTree.Node n, int level, int unique, double parentZero, double parentOne, int parentFeature) {
            extend(level, unique, parentZero, parentOne, parentFeature);
            if (n instanceof DecisionTree.Leaf leaf) {
                double[] v = leaf.probabilities();
                double reach = 1;
                for (int i = 1; i <= unique; i++) {
                    reach *= zero[level][i];
                }
                for (int c = 0; c < CLASSES; c++) {
                    base[c] += reach * v[c];
                }
                for (int i = 1; i <= unique; i++) {
                    double s = unwoundSum(level, unique, i) * (one[level][i] - zero[level][i]);
                    for (int c = 0; c < CLASSES; c++) {
                        phi[c][feature[level][i]] += s * v[c];
                    }
                }
                return;
            }
            DecisionTree.Split s = (DecisionTree.Split) n;
            boolean left = rule.goesLeft(s, x);
            DecisionTree.Node hot = left ? s.left() : s.right();
            DecisionTree.Node cold = left ? s.right() : s.left();
            double incomingZero = 1;
            double incomingOne = 1;
            int seen = indexOf(level, unique, s.feature());
            if (seen > 0) {
                incomingZero = zero[level][seen];
                incomingOne = one[level][seen];
                unwind(level, unique, seen);
                unique--;
            }
            // Share of the split's cover on each side; half each way when the split has no cover.
            double hotCover = cover(hot);
            double total = hotCover + cover(cold);
            double hotShare = total > 0 ? hotCover / total : 0.5;
            descend(hot, level, unique, hotShare * incomingZero, incomingOne, s.feature());
            descend(cold, level, unique, (1 - hotShare) * incomingZero, 0, s.feature());
        }

        /** Visits a child on a copy of this level's path; a child no coalition can reach adds nothing. */
        private void descend(DecisionTree.Node child, int level, int unique, double z, double o, int f) {
            if (z == 0 && o == 0) {
                return;
            }
            int next = level + 1;
            System.arraycopy(feature[level], 0, feature[next], 0, unique + 1);
            System.arraycopy(zero[level], 0, zero[next], 0, unique + 1);
            System.arraycopy(one[level], 0, one[next], 0, unique + 1);
            System.arraycopy(weight[level], 0, weight[next], 0, unique + 1);
            visit(child, next, unique + 1, z, o, f);
        }

        private int indexOf(int level, int unique, int f) {
            for (int i = 1; i <= unique; i++) {
                if (feature[level][i] == f) {
                    return i;
                }
            }
            return -1;
        }

        /** Adds a feature to the path, growing the subset-size weights by one more element. */
        private void extend(int level, int unique, double z, double o, int f) {
            double[] w = weight[level];
            feature[level][unique] = f;
            zero[level][unique] = z;
            one[level][unique] = o;
            w[unique] = unique == 0 ? 1 : 0;
            for (int i = unique - 1; i >= 0; i--) {
                w[i + 1] += o * w[i] * (i + 1) / (unique + 1);
                w[i] = z * w[i] * (unique - i) / (unique + 1);
            }
        }

        /** Removes element {@code k} from the path: the inverse of its {@link #extend}. */
        private void unwind(int level, int unique, int k) {
            double[] w = weight[level];
            double o = one[level][k];
            double z = zero[level][k];
            double next = w[unique];
            for (int i = unique - 1; i >= 0; i--) {
                if (o != 0) {
                    double before = w[i];
                    w[i] = next * (unique + 1) / ((i + 1) * o);
                    next = before - w[i] * z * (unique - i) / (unique + 1);
                } else {
                    w[i] = w[i] * (unique + 1) / (z * (unique - i));
                }
            }
            for (int i = k; i < unique; i++) {
                feature[level][i] = feature[level][i + 1];
                zero[level][i] = zero[level][i + 1];
                one[level][i] = one[level][i + 1];
            }
        }

        /** The total weight the path would have without element {@code k}, leaving the path as it is. */
        private double unwoundSum(int level, int unique, int k) {
            double[] w = weight[level];
            double o = one[level][k];
            double z = zero[level][k];
            double next = w[unique];
            double total = 0;
            for (int i = unique - 1; i >= 0; i--) {
                if (o != 0) {
                    double t = next * (unique + 1) / ((i + 1) * o);
                    total += t;
                    next = w[i] - t * z * (unique - i) / (unique + 1);
                } else {
                    total += w[i] * (unique + 1) / (z * (unique - i));
                }
            }
            return total;
        }
    }
}
