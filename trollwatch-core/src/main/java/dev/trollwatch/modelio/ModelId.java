package dev.trollwatch.modelio;

import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelIdentity;
import dev.trollwatch.model.ModelInfo;
import java.util.Map;

/**
 * Makes sure a model has an id before its files are written: the one training set, or else
 * {@link ModelIdentity#modelId} of its tree and training parameters (the same rule training uses).
 */
final class ModelId {
    private ModelId() {
    }

    /** {@code info} with its model id set: kept when present, computed otherwise. */
    static ModelInfo ensure(DecisionTree tree, ModelInfo info) {
        if (info.modelId() != null && !info.modelId().isBlank()) {
            return info;
        }
        Map<String, Object> params = info.params() == null ? Map.of() : info.params();
        return new ModelInfo(ModelIdentity.modelId(tree, params), info.toolVersion(), info.featurizerVersion(),
                info.featureNames(), info.classWeights(), params, info.metrics(), info.dataSha256(),
                info.trainingRows(), info.createdAt());
    }
}
