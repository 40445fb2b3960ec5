package dev.trollwatch.modelio.sklearn;

import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import java.util.Arrays;
import java.util.Map;

/**
 * scikit-learn's {@code tree_} state ({@code nodes} records and {@code values}) as a trollwatch
 * tree: rebuilt from node 0, checking that it is one (children in range, every node reached once,
 * bounded depth), splits mapped onto trollwatch's features, leaf counts onto its classes.
 */
final class PickledTreeDecoder {
    /** Deeper trees are refused: the deepest tree trollwatch's model files load (modelio's FlatTree). */
    static final int MAX_DEPTH = DecisionTree.MAX_DEPTH;
    private static final int LEAF = -1;

    private final String file;
    private final int nFeatures;
    private final int[] featureMap;
    private final int[] classMap;
    private final Map<Label, Double> classWeights;
    /** Whether per-class rows can be recovered: class weights known (a dict or None), no sample weights. */
    private final boolean rowsDerivable;
    private boolean rowsExact;
    private final NumpyArray nodes;
    private final NumpyArray values;
    private final int nodeCount;
    private final int nClasses;
    private final boolean[] seen;

    PickledTreeDecoder(String file, PickledTree tree, int nFeatures, int[] featureMap, int[] classMap,
            Map<Label, Double> classWeights, boolean rowsDerivable) {
        this.file = file;
        this.nFeatures = nFeatures;
        this.featureMap = featureMap;
        this.classMap = classMap;
        this.classWeights = classWeights;
        this.rowsDerivable = rowsDerivable;
        this.rowsExact = rowsDerivable;
        this.nClasses = classMap.length;
        if (!(tree.arguments.get(1) instanceof NumpyArray n) || n.size() != 1
                || n.integer(0, null, file + ": Tree n_classes") != nClasses) {
            throw error("the Tree's n_classes does not match classes_ (" + nClasses + " classes)");
        }
        Object count = tree.state.get("node_count");
        if (!(count instanceof Long c) || c < 1 || c > Integer.MAX_VALUE) {
            throw error("tree_ state has no valid node_count");
        }
        this.nodeCount = (int) (long) c;
        if (!(tree.state.get("nodes") instanceof NumpyArray nodeArray) || !nodeArray.isFilled()
                || nodeArray.shape().length != 1 || nodeArray.shape()[0] != nodeCount) {
            throw error("tree_.nodes is not a record array of node_count (" + nodeCount + ") nodes");
        }
        if (!(tree.state.get("values") instanceof NumpyArray valueArray) || !valueArray.isFilled()
                || !Arrays.equals(valueArray.shape(), new long[] {nodeCount, 1, nClasses})) {
            throw error("tree_.values is not a [" + nodeCount + ", 1, " + nClasses + "] array");
        }
        this.nodes = nodeArray;
        this.values = valueArray;
        this.seen = new boolean[nodeCount];
    }

    /** Whether every leaf's per-class rows were recovered exactly (after {@link #decode}). */
    boolean leafRowsExact() {
        return rowsExact;
    }

    DecisionTree decode() {
        DecisionTree.Node root = node(0, 0);
        for (int i = 0; i < nodeCount; i++) {
            if (!seen[i]) {
                throw error("tree_ node " + i + " is not reachable from the root");
            }
        }
        return new DecisionTree(root, DecisionTree.FeaturePrecision.FLOAT32);
    }

    private DecisionTree.Node node(int id, int depth) {
        if (depth > MAX_DEPTH) {
            throw error("the tree is deeper than " + MAX_DEPTH + " levels, the deepest trollwatch reads");
        }
        if (seen[id]) {
            throw error("tree_ node " + id + " is reached twice (not a tree)");
        }
        seen[id] = true;
        String where = file + ": tree_.nodes[" + id + "]";
        long left = nodes.integer(id, "left_child", where);
        long right = nodes.integer(id, "right_child", where);
        if (left == LEAF && right == LEAF) {
            return leaf(id, where);
        }
        if (left <= 0 || right <= 0 || left >= nodeCount || right >= nodeCount) {
            throw error("tree_ node " + id + " has children " + left + " and " + right
                    + " (expected both -1 or both 1.." + (nodeCount - 1) + ")");
        }
        long feature = nodes.integer(id, "feature", where);
        double threshold = nodes.number(id, "threshold", where);
        if (feature < 0 || feature >= nFeatures) {
            throw error("tree_ node " + id + " splits on feature " + feature + " of " + nFeatures);
        }
        if (!Double.isFinite(threshold)) {
            throw error("tree_ node " + id + " has threshold " + threshold);
        }
        return new DecisionTree.Split(featureMap[(int) feature], threshold,
                node((int) left, depth + 1), node((int) right, depth + 1));
    }

    private DecisionTree.Leaf leaf(int id, String where) {
        double[] raw = new double[nClasses];
        double sum = 0;
        for (int k = 0; k < nClasses; k++) {
            raw[k] = values.number((long) id * nClasses + k, null, file + ": tree_.values");
            if (!(raw[k] >= 0) || Double.isInfinite(raw[k])) {
                throw error("tree_.values[" + id + "] holds " + raw[k]);
            }
            sum += raw[k];
        }
        double weighted = nodes.number(id, "weighted_n_node_samples", where);
        long rows = nodes.integer(id, "n_node_samples", where);
        if (!(weighted > 0) || rows < 1 || !(sum > 0)) {
            throw error("tree_ leaf " + id + " has no training samples");
        }
        // scikit-learn < 1.4 stores weighted counts (summing to weighted_n_node_samples), 1.4+ fractions
        boolean fractions = Math.abs(sum - weighted) > 1e-9 * weighted;
        double[] weights = new double[Label.values().length];
        for (int k = 0; k < nClasses; k++) {
            weights[classMap[k]] = fractions ? raw[k] / sum * weighted : raw[k];
        }
        return new DecisionTree.Leaf(weights, leafRows(weights, rows));
    }

    /** Rows per class: weight / class weight when that adds up to the leaf's rows, else apportioned. */
    private long[] leafRows(double[] weights, long rows) {
        long[] out = new long[weights.length];
        if (rowsDerivable) {
            long total = 0;
            boolean whole = true;
            for (Label l : Label.values()) {
                double r = weights[l.ordinal()] / classWeights.get(l);
                out[l.ordinal()] = Math.round(r);
                whole &= Math.abs(r - out[l.ordinal()]) < 1e-6 * Math.max(1, r);
                total += out[l.ordinal()];
            }
            if (whole && total == rows) {
                return out;
            }
            rowsExact = false;
        }
        return apportion(weights, rows);
    }

    /** Largest-remainder split of {@code rows} in proportion to the weights. */
    static long[] apportion(double[] weights, long rows) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long[] out = new long[weights.length];
        double[] remainder = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double share = weights[i] / sum * rows;
            out[i] = (long) Math.floor(share);
            remainder[i] = share - out[i];
            given += out[i];
        }
        while (given < rows) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] = -1;
            given++;
        }
        return out;
    }

    private PickleException error(String what) {
        return new PickleException(file + ": " + what);
    }
}
