package dev.trollwatch.model.explain;

import dev.trollwatch.model.DecisionTree;

/**
 * Which way a vector goes at a split. Explanations walk the tree with the scorer's own rule, so
 * a path always ends in the leaf that gave the prediction (an ONNX model compares in float32).
 */
@FunctionalInterface
public interface BranchRule {
    /** The tree's own comparison, {@link DecisionTree.Split#goesLeft}. */
    BranchRule TREE = (split, features) -> split.goesLeft(features);

    boolean goesLeft(DecisionTree.Split split, double[] features);
}
