package dev.trollwatch.model;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A trained tree in portable form: what the JSON and ONNX model files hold and what every
 * scorer walks. All features are numeric and every split is binary:
 * {@code value <= threshold} goes left, otherwise right, the value taken at the tree's
 * {@link FeaturePrecision} (trollwatch's own trees compare doubles; trees imported from
 * scikit-learn round the value to float32 first, as scikit-learn does).
 */
public record DecisionTree(Node root, FeaturePrecision precision) {
    /**
     * Deepest tree, in levels of splits, that trollwatch trains, writes and loads: J48's unlimited
     * depth stops here, so every model {@code train} writes can be read back; a file holding a
     * deeper tree is refused before recursion could overflow the stack.
     */
    public static final int MAX_DEPTH = 64;

    /** How a feature value is compared with a split's (double) threshold. */
    public enum FeaturePrecision {
        /** {@code value <= threshold} in double precision: trees trained by trollwatch (Weka's J48). */
        FLOAT64,
        /**
         * {@code (float) value <= threshold}: the value is rounded to the nearest float32 first, the
         * threshold stays a double. scikit-learn scores this way (it casts X to float32), and so does
         * ONNX Runtime, whose thresholds are float32 themselves.
         */
        FLOAT32;

        /** Whether {@code value} takes the left branch of a split at {@code threshold}. */
        public boolean goesLeft(double value, double threshold) {
            return this == FLOAT64 ? value <= threshold : (double) (float) value <= threshold;
        }
    }

    public DecisionTree {
        if (root == null || precision == null) {
            throw new IllegalArgumentException("root and precision are required");
        }
    }

    /** A tree that compares in double precision (what trollwatch trains). */
    public DecisionTree(Node root) {
        this(root, FeaturePrecision.FLOAT64);
    }

    /** This tree's nodes with another comparison precision. */
    public DecisionTree withPrecision(FeaturePrecision p) {
        return new DecisionTree(root, p);
    }

    /** A node of the tree. */
    public sealed interface Node permits Split, Leaf {
    }

    /** An inner node. {@code feature} indexes {@link dev.trollwatch.features.FeatureSchema#NAMES}. */
    public record Split(int feature, double threshold, Node left, Node right) implements Node {
    }

    /**
     * A leaf. {@code weights}: summed training instance weights per class, in {@link Label} order
     * (what the learner's probabilities come from); {@code rows}: unweighted training row counts per class.
     */
    public record Leaf(double[] weights, long[] rows) implements Node {
        /** Class probabilities: the weights normalised to sum 1 (uniform when all are 0). */
        public double[] probabilities() {
            double sum = 0;
            for (double w : weights) {
                sum += w;
            }
            double[] p = new double[weights.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = sum > 0 ? weights[i] / sum : 1.0 / p.length;
            }
            return p;
        }

        /** The predicted class: the highest weight, the first in {@link Label} order on ties. */
        public Label predicted() {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (weights[i] > weights[best]) {
                    best = i;
                }
            }
            return Label.values()[best];
        }
    }

    /** The leaf this feature vector falls into. */
    public Leaf leafFor(double[] features) {
        Node n = root;
        while (n instanceof Split s) {
            n = goesLeft(s, features) ? s.left() : s.right();
        }
        return (Leaf) n;
    }

    /** Whether this vector takes the left branch at split {@code s} (every scorer's one comparison). */
    public boolean goesLeft(Split s, double[] features) {
        return precision.goesLeft(features[s.feature()], s.threshold());
    }

    /** Depth of the tree (a single leaf has depth 0). */
    public int depth() {
        return depth(root);
    }

    private static int depth(Node n) {
        return n instanceof Split s ? 1 + Math.max(depth(s.left()), depth(s.right())) : 0;
    }

    /** The distinct features the tree splits on, ascending. */
    public int[] splitFeatures() {
        boolean[] used = new boolean[FeatureSchema.SIZE];
        mark(root, used);
        return IntStream.range(0, used.length).filter(f -> used[f]).toArray();
    }

    private static void mark(Node n, boolean[] used) {
        if (n instanceof Split s) {
            used[s.feature()] = true;
            mark(s.left(), used);
            mark(s.right(), used);
        }
    }

    /** The leaves, left to right. */
    public List<Leaf> leaves() {
        java.util.ArrayList<Leaf> out = new java.util.ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Leaf> out) {
        if (n instanceof Split s) {
            collect(s.left(), out);
            collect(s.right(), out);
        } else {
            out.add((Leaf) n);
        }
    }
}
