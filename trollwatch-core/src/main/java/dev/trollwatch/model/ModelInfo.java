package dev.trollwatch.model;

import dev.trollwatch.features.Label;
import java.util.List;
import java.util.Map;

/**
 * What every model file records about a model besides the tree itself.
 *
 * @param modelId          hex hash identifying this model; the same in .model, .json and .onnx
 * @param toolVersion      trollwatch version that trained it
 * @param featurizerVersion {@link dev.trollwatch.features.FeatureSchema#FEATURIZER_VERSION} at training
 * @param featureNames     the 20 feature names in input order
 * @param classWeights     instance weight per class used in training
 * @param params           every training parameter (max_depth, min_leaf, confidence, seed, …)
 * @param metrics          summary of the held-out evaluation (accuracy, mcc, kappa, …); may be empty
 * @param dataSha256       SHA-256 of the training input file (fingerprint)
 * @param trainingRows     training rows per class
 * @param createdAt        ISO-8601 UTC time of training
 */
public record ModelInfo(
        String modelId,
        String toolVersion,
        int featurizerVersion,
        List<String> featureNames,
        Map<Label, Double> classWeights,
        Map<String, Object> params,
        Map<String, Object> metrics,
        String dataSha256,
        Map<Label, Long> trainingRows,
        String createdAt) {
}
