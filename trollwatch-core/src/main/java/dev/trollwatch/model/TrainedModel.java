package dev.trollwatch.model;

import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * A model as training produces it: Weka's classifier with the (empty) dataset header it was
 * trained on, the same tree in portable form, and the facts recorded about it.
 * {@code classifier} and {@code header} are null when a model was loaded from a portable file.
 */
public record TrainedModel(Classifier classifier, Instances header, DecisionTree tree, ModelInfo info) {
}
