package dev.trollwatch.modelio;

import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelIdentity;
import dev.trollwatch.model.ModelInfo;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a model has an id before its files are written: the one training set, or else
 * {@link ModelIdentity#modelId} of its tree and training parameters (the same rule training uses);
 * and, on reading, tells when a file's tree no longer has the id it claims.
 */
final class ModelId {
    private static final Logger LOG = LoggerFactory.getLogger(ModelId.class);

    private ModelId() {
    }

    /**
     * Warns when the id in a model file is not the id of its tree and parameters: the file was
     * edited after it was written, and the metrics, reports and predictions that quote the id would
     * quote it for another model. A warning, not an error: the edited tree is still well formed.
     */
    static void warnIfChanged(DecisionTree tree, ModelInfo info, String file) {
        Map<String, Object> params = info.params() == null ? Map.of() : info.params();
        String computed = ModelIdentity.modelId(tree, params);
        if (!computed.equals(info.modelId())) {
            LOG.warn("{}: the file says model id {}, but its tree and parameters have id {}: it was edited"
                    + " after it was written, and what quotes the id quotes another model", file, info.modelId(), computed);
        }
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
