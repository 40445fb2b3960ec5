package dev.trollwatch.modelio.sklearn;

import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;

/**
 * A scikit-learn tree as a trollwatch model: the tree (comparing float32 values, as scikit-learn
 * does) and its metadata (provenance and the estimator's parameters in {@code info.params()}).
 */
public record ImportedModel(DecisionTree tree, ModelInfo info) {
}
