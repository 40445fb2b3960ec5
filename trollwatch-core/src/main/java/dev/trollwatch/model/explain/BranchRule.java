package dev.trollwatch.model.explain;

import dev.trollwatch.model.DecisionTree;

/**
 * Which way a vector goes at a split. Explanations walk the tree with the scorer's own rule, so
 * a path always ends in the leaf that gave the prediction (an ONNX model compares in float32).
 */
@FunctionalInterface
public interface BranchRule {
    /** Double-precision {@code value <= threshold}: the comparison of trees trollwatch trains. */
    BranchRule TREE = (split, features) -> features[split.feature()] <= split.threshold();

    boolean goesLeft(DecisionTree.Split split, double[] features);
}
