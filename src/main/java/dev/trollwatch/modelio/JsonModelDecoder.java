package dev.trollwatch.modelio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed {@code BASE.json} into a {@link ScoringModel}, refusing anything this version
 * cannot score exactly: another format or a newer version, another featurizer version or feature
 * list, other classes, or a tree that is not well formed. Every error names the file and field.
 */
final class JsonModelDecoder {
    private static final double PROBABILITY_TOLERANCE = 1e-9;

    private final String file;

    JsonModelDecoder(String file) {
        this.file = file;
    }

    ScoringModel decode(JsonNode root) {
        ModelInfo info = info(root);
        DecisionTree tree = tree(field(root, "tree"));
        return new ScoringModel(tree, info, ThresholdPrecision.DOUBLE);
    }

    /** Validates and reads everything but the tree (also the metadata an ONNX file embeds). */
    ModelInfo info(JsonNode root) {
        if (!root.isObject()) {
            throw error("", "expected a JSON object");
        }
        String format = text(root, "format");
        if (!JsonModelFile.FORMAT.equals(format)) {
            throw error("format", "expected \"" + JsonModelFile.FORMAT + "\", found \"" + format + "\"");
        }
        int version = integer(root, "format_version");
        if (version < 1 || version > JsonModelFile.FORMAT_VERSION) {
            throw error("format_version", "this trollwatch reads format version " + JsonModelFile.FORMAT_VERSION
                    + ", the file has version " + version + " (use the trollwatch version that wrote it, or newer)");
        }
        int featurizer = integer(root, "featurizer_version");
        if (featurizer != FeatureSchema.FEATURIZER_VERSION) {
            throw error("featurizer_version", "the model was trained with featurizer version " + featurizer
                    + ", this trollwatch computes version " + FeatureSchema.FEATURIZER_VERSION
                    + "; its features would differ, retrain the model");
        }
        List<String> names = featureNames(root);
        checkClasses(root);
        return new ModelInfo(
                text(root, "model_id"),
                optionalText(root, "tool_version"),
                featurizer,
                names,
                classWeights(root),
                map(root, "training_params"),
                map(root, "metrics"),
                optionalText(root, "training_data_sha256"),
                trainingRows(root),
                optionalText(root, "created_at"));
    }

    private List<String> featureNames(JsonNode root) {
        JsonNode features = field(root, "features");
        if (!features.isArray()) {
            throw error("features", "expected an array of " + FeatureSchema.SIZE + " features");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            names.add(text(features.get(i), "name", "features[" + i + "].name"));
        }
        if (!names.equals(FeatureSchema.NAMES)) {
            throw error("features", "the model's features " + names + " are not this featurizer's "
                    + FeatureSchema.NAMES + " (same names, same order)");
        }
        return List.copyOf(names);
    }

    private void checkClasses(JsonNode root) {
        JsonNode classes = field(root, "classes");
        List<String> found = new ArrayList<>();
        classes.forEach(c -> found.add(c.asText()));
        List<String> expected = new ArrayList<>();
        for (Label l : Label.values()) {
            expected.add(l.text());
        }
        if (!classes.isArray() || !found.equals(expected)) {
            throw error("classes", "expected " + expected + ", found " + classes);
        }
    }

    /** Reads and checks a {@code tree} object (also the one an ONNX file embeds in its metadata). */
    DecisionTree tree(JsonNode tree) {
        JsonNode nodes = field(tree, "nodes", "tree.nodes");
        if (!nodes.isArray() || nodes.isEmpty()) {
            throw error("tree.nodes", "expected a non-empty array of nodes");
        }
        int n = nodes.size();
        DecisionTree.Leaf[] leaves = new DecisionTree.Leaf[n];
        int[][] splits = new int[n][];
        double[] thresholds = new double[n];
        boolean[] defined = new boolean[n];
        for (int i = 0; i < n; i++) {
            JsonNode node = nodes.get(i);
            String where = "tree.nodes[" + i + "]";
            int id = integer(node, "id", where + ".id");
            if (id < 0 || id >= n) {
                throw error(where + ".id", "expected a node id from 0 to " + (n - 1) + ", found " + id);
            }
            if (defined[id]) {
                throw error(where + ".id", "node id " + id + " is used twice");
            }
            defined[id] = true;
            where = "tree.nodes[" + i + "] (id " + id + ")";
            if (node.path("leaf").asBoolean(false)) {
                leaves[id] = leaf(node, where);
            } else {
                splits[id] = split(node, where);
                thresholds[id] = number(node, "threshold", where + ".threshold");
            }
        }
        return FlatTree.rebuild(leaves, splits, thresholds, file + ": tree.nodes");
    }

    private int[] split(JsonNode node, String where) {
        int index = integer(node, "feature_index", where + ".feature_index");
        if (index < 0 || index >= FeatureSchema.SIZE) {
            throw error(where + ".feature_index", "expected 0.." + (FeatureSchema.SIZE - 1) + ", found " + index);
        }
        String name = text(node, "feature", where + ".feature");
        if (!FeatureSchema.NAMES.get(index).equals(name)) {
            throw error(where + ".feature", "feature_index " + index + " is \"" + FeatureSchema.NAMES.get(index)
                    + "\", not \"" + name + "\"");
        }
        return new int[] {index, integer(node, "left", where + ".left"), integer(node, "right", where + ".right")};
    }

    private DecisionTree.Leaf leaf(JsonNode node, String where) {
        double[] weights = new double[Label.values().length];
        long[] rows = new long[weights.length];
        double[] probs = new double[weights.length];
        for (Label l : Label.values()) {
            String w = where + ".weights." + l.text();
            weights[l.ordinal()] = number(field(node, "weights", where + ".weights"), l.text(), w);
            if (weights[l.ordinal()] < 0) {
                throw error(w, "expected a weight >= 0");
            }
            rows[l.ordinal()] = count(field(node, "rows", where + ".rows"), l.text(), where + ".rows." + l.text());
            probs[l.ordinal()] = number(field(node, "probabilities", where + ".probabilities"), l.text(),
                    where + ".probabilities." + l.text());
        }
        DecisionTree.Leaf leaf = new DecisionTree.Leaf(weights, rows);
        double[] expected = leaf.probabilities();
        for (Label l : Label.values()) {
            if (Math.abs(expected[l.ordinal()] - probs[l.ordinal()]) > PROBABILITY_TOLERANCE) {
                throw error(where + ".probabilities." + l.text(), "does not match the leaf's weights (expected "
                        + expected[l.ordinal()] + ")");
            }
        }
        return leaf;
    }

    private Map<Label, Double> classWeights(JsonNode root) {
        JsonNode w = field(root, "class_weights");
        Map<Label, Double> out = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            out.put(l, number(w, l.text(), "class_weights." + l.text()));
        }
        return out;
    }

    private Map<Label, Long> trainingRows(JsonNode root) {
        Map<Label, Long> out = new EnumMap<>(Label.class);
        JsonNode rows = root.path("training_rows");
        for (Label l : Label.values()) {
            out.put(l, rows.path(l.text()).asLong(0));
        }
        return out;
    }

    private Map<String, Object> map(JsonNode root, String name) {
        JsonNode node = root.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw error(name, "expected a JSON object");
        }
        return JsonModelFile.MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }

    private JsonNode field(JsonNode parent, String name) {
        return field(parent, name, name);
    }

    private JsonNode field(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            throw error(path, "missing");
        }
        return v;
    }

    private String text(JsonNode parent, String name) {
        return text(parent, name, name);
    }

    private String text(JsonNode parent, String name, String path) {
        JsonNode v = field(parent, name, path);
        if (!v.isTextual()) {
            throw error(path, "expected a string, found " + v);
        }
        return v.asText();
    }

    private String optionalText(JsonNode parent, String name) {
        JsonNode v = parent.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private int integer(JsonNode parent, String name) {
        return integer(parent, name, name);
    }

    private int integer(JsonNode parent, String name, String path) {
        JsonNode v = field(parent, name, path);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(path, "expected an integer, found " + v);
        }
        return v.asInt();
    }

    private long count(JsonNode parent, String name, String path) {
        JsonNode v = field(parent, name, path);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw error(path, "expected a row count (integer >= 0), found " + v);
        }
        return v.asLong();
    }

    private double number(JsonNode parent, String name, String path) {
        JsonNode v = field(parent, name, path);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw error(path, "expected a finite number, found " + v);
        }
        return v.asDouble();
    }

    private MalformedModelException error(String field, String what) {
        return new MalformedModelException(file + ": " + (field.isEmpty() ? "" : "field " + field + ": ") + what);
    }
}
