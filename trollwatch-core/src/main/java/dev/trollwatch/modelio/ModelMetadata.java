package dev.trollwatch.modelio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON schema of a model's metadata (docs/model-format.md): {@code BASE.json} is this object
 * plus the tree, {@code BASE.onnx} embeds it as metadata {@code trollwatch_model}, {@code BASE.model}
 * as {@code info}, and {@code GET /model} answers with it. Reading checks the structure (format,
 * version, classes, features); whether the model fits this featurizer is {@link ModelCheck}'s job.
 */
public final class ModelMetadata {
    /** Identifies the schema in field {@code format}. */
    public static final String FORMAT = "trollwatch-model";
    /** The newest schema version this trollwatch reads and writes; readers refuse newer versions. */
    public static final int FORMAT_VERSION = 2;
    /**
     * The version written for a tree that compares doubles: version 1 readers score such a file
     * exactly, so it keeps version 1. Version 2 adds {@code tree.feature_precision = "float32"}
     * (scikit-learn's comparison), which a version 1 reader would silently ignore and mis-score.
     */
    static final int FORMAT_VERSION_FLOAT64 = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelMetadata() {
    }

    /** Everything known about the model but the tree's nodes. */
    public static ObjectNode write(DecisionTree tree, ModelInfo info) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", formatVersion(tree));
        root.put("model_id", info.modelId());
        root.put("tool_version", info.toolVersion());
        root.put("created_at", info.createdAt());
        root.put("featurizer_version", info.featurizerVersion());
        ArrayNode features = root.putArray("features");
        List<String> names = info.featureNames();
        for (int i = 0; i < names.size(); i++) {
            int schemaIndex = FeatureSchema.indexOf(names.get(i));
            features.addObject()
                    .put("index", i)
                    .put("name", names.get(i))
                    .put("definition", schemaIndex >= 0 ? FeatureSchema.FEATURES.get(schemaIndex).definition() : "");
        }
        ArrayNode classes = root.putArray("classes");
        for (Label l : Label.values()) {
            classes.add(l.text());
        }
        ObjectNode weights = root.putObject("class_weights");
        for (Label l : Label.values()) {
            Double w = info.classWeights() == null ? null : info.classWeights().get(l);
            weights.put(l.text(), w == null ? 1.0 : w);
        }
        root.set("training_params", MAPPER.valueToTree(orEmpty(info.params())));
        ObjectNode rows = root.putObject("training_rows");
        for (Label l : Label.values()) {
            Long r = info.trainingRows() == null ? null : info.trainingRows().get(l);
            rows.put(l.text(), r == null ? 0 : r);
        }
        root.put("training_data_sha256", info.dataSha256());
        root.set("metrics", MAPPER.valueToTree(orEmpty(info.metrics())));
        ObjectNode summary = root.putObject("tree_summary");
        summary.put("depth", tree.depth());
        summary.put("nodes", FlatTree.flatten(tree).size());
        summary.put("leaves", tree.leaves().size());
        return root;
    }

    /** The schema version a file of this tree needs (see {@link #FORMAT_VERSION_FLOAT64}). */
    static int formatVersion(DecisionTree tree) {
        return tree.precision() == DecisionTree.FeaturePrecision.FLOAT64 ? FORMAT_VERSION_FLOAT64 : FORMAT_VERSION;
    }

    /** Reads what {@link #write} wrote; {@code file} (and where in it) appears in error messages. */
    static ModelInfo read(JsonNode root, String file) {
        JsonFields f = new JsonFields(file);
        if (!root.isObject()) {
            throw f.error("", "expected a JSON object");
        }
        String format = f.text(root, "format");
        if (!FORMAT.equals(format)) {
            throw f.error("format", "expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        int version = f.integer(root, "format_version");
        if (version < 1 || version > FORMAT_VERSION) {
            throw f.error("format_version", "this trollwatch reads format version " + FORMAT_VERSION
                    + ", the file has version " + version + " (use the trollwatch version that wrote it, or newer)");
        }
        int featurizer = f.integer(root, "featurizer_version");
        List<String> names = featureNames(root, f);
        checkClasses(root, f);
        return new ModelInfo(
                f.text(root, "model_id"),
                f.optionalText(root, "tool_version"),
                featurizer,
                names,
                classWeights(root, f),
                f.map(root, "training_params"),
                f.map(root, "metrics"),
                f.optionalText(root, "training_data_sha256"),
                trainingRows(root, f),
                f.optionalText(root, "created_at"));
    }

    /**
     * Reads the metadata of a {@code .model} file of format version 1, which had its own schema:
     * {@code feature_names} instead of {@code features}, {@code params}, {@code data_sha256}, no
     * {@code format} or {@code classes}. Kept so that models saved by trollwatch 0.1 still load.
     */
    static ModelInfo readWekaVersion1(JsonNode n, String file) {
        JsonFields f = new JsonFields(file);
        Map<Label, Double> weights = new EnumMap<>(Label.class);
        Map<Label, Long> rows = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            weights.put(l, n.path("class_weights").path(l.text()).asDouble(1));
            rows.put(l, n.path("training_rows").path(l.text()).asLong(0));
        }
        List<String> names = new ArrayList<>();
        n.path("feature_names").forEach(x -> names.add(x.asText()));
        return new ModelInfo(
                n.path("model_id").asText(),
                n.path("tool_version").asText(),
                n.path("featurizer_version").asInt(),
                List.copyOf(names),
                weights,
                f.map(n, "params"),
                f.map(n, "metrics"),
                n.path("data_sha256").asText(),
                rows,
                n.path("created_at").asText());
    }

    private static List<String> featureNames(JsonNode root, JsonFields f) {
        JsonNode features = f.field(root, "features");
        if (!features.isArray()) {
            throw f.error("features", "expected an array of " + FeatureSchema.SIZE + " features");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            names.add(f.text(features.get(i), "name", "features[" + i + "].name"));
        }
        return List.copyOf(names);
    }

    private static void checkClasses(JsonNode root, JsonFields f) {
        JsonNode classes = f.field(root, "classes");
        List<String> found = new ArrayList<>();
        classes.forEach(c -> found.add(c.asText()));
        List<String> expected = new ArrayList<>();
        for (Label l : Label.values()) {
            expected.add(l.text());
        }
        if (!classes.isArray() || !found.equals(expected)) {
            throw f.error("classes", "expected " + expected + ", found " + classes);
        }
    }

    private static Map<Label, Double> classWeights(JsonNode root, JsonFields f) {
        JsonNode w = f.field(root, "class_weights");
        Map<Label, Double> out = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            double weight = f.number(w, l.text(), "class_weights." + l.text());
            if (weight <= 0) {
                throw f.error("class_weights." + l.text(), "expected a weight > 0, found " + weight);
            }
            out.put(l, weight);
        }
        return out;
    }

    /** Optional (an imported model may not know them); when given, one row count per class. */
    private static Map<Label, Long> trainingRows(JsonNode root, JsonFields f) {
        Map<Label, Long> out = new EnumMap<>(Label.class);
        JsonNode rows = root.path("training_rows");
        for (Label l : Label.values()) {
            out.put(l, rows.has(l.text()) ? f.count(rows, l.text(), "training_rows." + l.text()) : 0L);
        }
        return out;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> m) {
        return m == null ? Map.of() : m;
    }
}
