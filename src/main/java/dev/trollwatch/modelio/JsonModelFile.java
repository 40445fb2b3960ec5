package dev.trollwatch.modelio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.io.AtomicOutput;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code BASE.json}, the portable model: everything needed to score a comment in any language
 * (features, classes, the tree as numbered nodes) and to know where the model came from. The
 * schema is documented in {@code docs/model-format.md}; {@link JsonModelDecoder} validates it.
 */
public final class JsonModelFile {
    /** Identifies the file kind in field {@code format}. */
    public static final String FORMAT = "trollwatch-model";
    /** The newest schema version this trollwatch reads and writes; readers refuse newer versions. */
    public static final int FORMAT_VERSION = 2;
    /**
     * The version written for a tree that compares doubles: version 1 readers score such a file
     * exactly, so it keeps version 1. Version 2 adds {@code tree.feature_precision = "float32"}
     * (scikit-learn's comparison), which a version 1 reader would silently ignore and mis-score.
     */
    static final int FORMAT_VERSION_FLOAT64 = 1;
    /** {@code tree.feature_precision} values. */
    static final String PRECISION_FLOAT64 = "float64";
    static final String PRECISION_FLOAT32 = "float32";

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonModelFile() {
    }

    /** Writes the model to {@code path} atomically. */
    public static void save(Path path, DecisionTree tree, ModelInfo info) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(path)) {
            write(out.stream(), tree, info);
            out.commit();
        }
    }

    /** Writes the model as UTF-8 JSON (does not close the stream). */
    public static void write(OutputStream out, DecisionTree tree, ModelInfo info) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter()
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, toJson(tree, info));
        out.write('\n');
    }

    /** Reads and validates a JSON model file. */
    public static ScoringModel read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /** Reads and validates a JSON model; {@code name} appears in error messages. */
    public static ScoringModel read(InputStream in, String name) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new MalformedModelException(name + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        return new JsonModelDecoder(name).decode(root);
    }

    /** The whole model as a JSON tree. */
    public static ObjectNode toJson(DecisionTree tree, ModelInfo info) {
        ObjectNode root = metadata(tree, info);
        root.set("tree", treeJson(tree));
        return root;
    }

    /** Everything but the tree's nodes (what {@code GET /model} shows). */
    public static ObjectNode metadata(DecisionTree tree, ModelInfo info) {
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

    private static ObjectNode treeJson(DecisionTree tree) {
        ObjectNode t = MAPPER.createObjectNode();
        if (tree.precision() == DecisionTree.FeaturePrecision.FLOAT32) {
            t.put("comparison", "float32(value) <= threshold goes to left, otherwise to right");
            t.put("feature_precision", PRECISION_FLOAT32);
        } else {
            t.put("comparison", "value <= threshold goes to left, otherwise to right");
        }
        ArrayNode nodes = t.putArray("nodes");
        for (FlatTree.FlatNode f : FlatTree.flatten(tree)) {
            ObjectNode n = nodes.addObject();
            n.put("id", f.id());
            if (f.node() instanceof DecisionTree.Split s) {
                n.put("feature", FeatureSchema.NAMES.get(s.feature()));
                n.put("feature_index", s.feature());
                n.put("threshold", s.threshold());
                n.put("left", f.left());
                n.put("right", f.right());
            } else {
                DecisionTree.Leaf leaf = (DecisionTree.Leaf) f.node();
                n.put("leaf", true);
                n.put("class", leaf.predicted().text());
                double[] p = leaf.probabilities();
                ObjectNode probs = n.putObject("probabilities");
                ObjectNode weights = n.putObject("weights");
                ObjectNode rows = n.putObject("rows");
                for (Label l : Label.values()) {
                    probs.put(l.text(), p[l.ordinal()]);
                    weights.put(l.text(), leaf.weights()[l.ordinal()]);
                    rows.put(l.text(), leaf.rows()[l.ordinal()]);
                }
            }
        }
        return t;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> m) {
        return m == null ? Map.of() : m;
    }
}
