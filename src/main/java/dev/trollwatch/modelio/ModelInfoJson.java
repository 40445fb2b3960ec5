package dev.trollwatch.modelio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.ModelInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ModelInfo} as a JSON object with snake_case keys and class names as written in files
 * ({@code bot}, {@code normal}, {@code troll}): {@code model_id, tool_version, featurizer_version,
 * feature_names, class_weights, params, metrics, data_sha256, training_rows, created_at}.
 */
public final class ModelInfoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelInfoJson() {
    }

    /** The info as an ordered map, ready for Jackson. */
    public static Map<String, Object> toMap(ModelInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_id", info.modelId());
        m.put("tool_version", info.toolVersion());
        m.put("featurizer_version", info.featurizerVersion());
        m.put("feature_names", info.featureNames());
        m.put("class_weights", byClassName(info.classWeights()));
        m.put("params", info.params());
        m.put("metrics", info.metrics());
        m.put("data_sha256", info.dataSha256());
        m.put("training_rows", byClassName(info.trainingRows()));
        m.put("created_at", info.createdAt());
        return m;
    }

    /** Reads what {@link #toMap} wrote. */
    public static ModelInfo fromJson(JsonNode n) {
        Map<Label, Double> weights = new EnumMap<>(Label.class);
        Map<Label, Long> rows = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            weights.put(l, n.path("class_weights").path(l.text()).asDouble(1));
            rows.put(l, n.path("training_rows").path(l.text()).asLong(0));
        }
        List<String> names = new ArrayList<>();
        n.path("feature_names").forEach(x -> names.add(x.asText()));
        TypeReference<LinkedHashMap<String, Object>> mapType = new TypeReference<>() { };
        return new ModelInfo(
                n.path("model_id").asText(),
                n.path("tool_version").asText(),
                n.path("featurizer_version").asInt(),
                List.copyOf(names),
                weights,
                MAPPER.convertValue(n.path("params"), mapType),
                MAPPER.convertValue(n.path("metrics"), mapType),
                n.path("data_sha256").asText(),
                rows,
                n.path("created_at").asText());
    }

    private static <V> Map<String, V> byClassName(Map<Label, V> m) {
        Map<String, V> out = new LinkedHashMap<>();
        for (Label l : Label.values()) {
            if (m.containsKey(l)) {
                out.put(l.text(), m.get(l));
            }
        }
        return out;
    }
}
