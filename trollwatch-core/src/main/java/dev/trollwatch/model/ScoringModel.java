package dev.trollwatch.model;

import dev.trollwatch.features.FeatureSchema;

/**
 * A loaded model ready to score feature vectors: the portable tree, what is known about it, and
 * the comparison precision of the file it came from. Immutable and thread-safe.
 *
 * @param tree      the decision tree
 * @param info      the model's metadata (id, versions, training parameters, metrics)
 * @param precision how thresholds are compared ({@link ThresholdPrecision#FLOAT32} for ONNX files)
 */
public record ScoringModel(DecisionTree tree, ModelInfo info, ThresholdPrecision precision) {

    public ScoringModel {
        if (tree == null || info == null || precision == null) {
            throw new IllegalArgumentException("tree, info and precision are required");
        }
    }

    /** Scores one vector of {@link FeatureSchema#SIZE} feature values. */
    public Prediction score(double[] features) {
        if (features.length != FeatureSchema.SIZE) {
            throw new IllegalArgumentException("expected " + FeatureSchema.SIZE + " features, got " + features.length);
        }
        DecisionTree.Leaf leaf = leafFor(features);
        return new Prediction(leaf.predicted(), leaf.probabilities());
    }

    /** The leaf this vector falls into under this model's comparison precision. */
    public DecisionTree.Leaf leafFor(double[] features) {
        DecisionTree.Node n = tree.root();
        while (n instanceof DecisionTree.Split s) {
            n = goesLeft(s, features) ? s.left() : s.right();
        }
        return (DecisionTree.Leaf) n;
    }

    /** Whether this vector takes the split's left branch under this model's comparison precision. */
    public boolean goesLeft(DecisionTree.Split split, double[] features) {
        // A float32 tree (imported from scikit-learn) decides float32(x) <= its double threshold exactly as
        // scikit-learn does, and its .onnx thresholds were chosen to decide the same: its own rule holds.
        if (precision == ThresholdPrecision.DOUBLE || tree.precision() == DecisionTree.FeaturePrecision.FLOAT32) {
            return tree.goesLeft(split, features);
        }
        return (float) features[split.feature()] <= ThresholdPrecision.float32Threshold(split.threshold());
    }

    /** The model id every file of this model records. */
    public String modelId() {
        return info.modelId();
    }
}
