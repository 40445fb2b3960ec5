package dev.trollwatch.modelio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.io.field.JsonErrorText;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.ScoringModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code BASE.json}, the portable model: everything needed to score a comment in any language
 * (features, classes, the tree as numbered nodes) and to know where the model came from. The
 * schema is documented in {@code docs/model-format.md}: the {@link ModelMetadata} object plus the
 * tree. {@link JsonModelDecoder} validates it, {@link ModelCheck} that this trollwatch can use it.
 */
public final class JsonModelFile {
    /** {@code tree.feature_precision} values (format version 2). */
    static final String PRECISION_FLOAT64 = "float64";
    static final String PRECISION_FLOAT32 = "float32";

    /** Also reads the metadata an ONNX file embeds: a key given twice is an edited file, refused. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonModelFile() {
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
            throw new MalformedModelException(name + ": not valid JSON" + JsonErrorText.lineAndColumn(e) + ": "
                    + JsonErrorText.reason(e));
        } catch (java.io.CharConversionException e) {
            throw new MalformedModelException(name + ": not JSON text (" + e.getMessage() + ")");
        }
        if (root.isObject() && !root.has("format") && root.has("confusion_matrix") && root.has("schema_version")) {
            // decoded as a model it was "field format: missing"
            String base = name.toLowerCase(Locale.ROOT).endsWith(ModelFiles.METRICS)
                    ? name.substring(0, name.length() - ModelFiles.METRICS.length()) : "BASE";
            throw new MalformedModelException(name + " is a trollwatch metrics file, not a model (use " + base
                    + ModelFiles.JSON + ")");
        }
        ScoringModel model = new JsonModelDecoder(name).decode(root);
        ModelCheck.verify(model.tree(), model.info(), name);
        ModelId.warnIfChanged(model.tree(), model.info(), name);
        return model;
    }

    /** The whole model as a JSON tree. */
    public static ObjectNode toJson(DecisionTree tree, ModelInfo info) {
        ObjectNode root = ModelMetadata.write(tree, info);
        root.set("tree", treeJson(tree));
        return root;
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
}
