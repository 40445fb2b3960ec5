package dev.trollwatch.modelio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.io.field.JsonErrorText;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.ThresholdPrecision;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.trollwatch.modelio.OnnxFields.*;

/**
 * {@code BASE.onnx}: the tree as one ONNX-ML {@code TreeEnsembleClassifier} (ai.onnx.ml opset 3),
 * scorable by ONNX Runtime in any language. Input {@code features}: {@code float[N,20]} in
 * {@link FeatureSchema} order; outputs {@code label} ({@code string[N]}: bot/normal/troll) and
 * {@code probabilities} ({@code float[N,3]}, leaf probabilities, post_transform NONE). The model's
 * id, versions and feature names are in the metadata. The bytes are written by {@link ProtoWriter}.
 *
 * <p>Thresholds are stored as the float nearest to the double threshold. ONNX Runtime compares the
 * float-rounded feature value with it; since rounding is monotone, every value that goes left in
 * double precision also goes left here. The only possible difference: a value above the threshold
 * that rounds to the same float (within about 6e-8 relative) goes left in ONNX and right in the
 * double-precision models (see docs/model-format.md). A tree that rounds values to float32 itself
 * ({@link DecisionTree.FeaturePrecision#FLOAT32}, imported from scikit-learn) stores instead the
 * largest float not above each threshold: for a float32 input x, {@code x <= t32} holds exactly when
 * {@code x <= threshold}, so ONNX Runtime takes every branch scikit-learn takes.
 */
public final class OnnxModelFile {
    /** metadata_props keys. */
    public static final String KEY_MODEL_ID = "model_id";
    public static final String KEY_TOOL_VERSION = "tool_version";
    public static final String KEY_FEATURIZER_VERSION = "featurizer_version";
    public static final String KEY_FEATURE_NAMES = "feature_names";
    public static final String KEY_CLASSES = "classes";
    public static final String KEY_TROLLWATCH_MODEL = "trollwatch_model";

    static final String INPUT = "features";
    static final String OUTPUT_LABEL = "label";
    static final String OUTPUT_PROBABILITIES = "probabilities";
    static final String OP_TYPE = "TreeEnsembleClassifier";

    private static final Logger LOG = LoggerFactory.getLogger(OnnxModelFile.class);

    private OnnxModelFile() {
    }


    /** Writes the ONNX protobuf bytes (does not close the stream). */
    public static void write(OutputStream out, DecisionTree tree, ModelInfo info) throws IOException {
        out.write(encode(tree, info));
    }

    /** The ONNX ModelProto bytes for this model. */
    static byte[] encode(DecisionTree tree, ModelInfo info) {
        ProtoWriter model = new ProtoWriter()
                .varint(MODEL_IR_VERSION, IR_VERSION)
                .string(MODEL_PRODUCER_NAME, "trollwatch")
                .string(MODEL_PRODUCER_VERSION, nullToEmpty(info.toolVersion()))
                .string(MODEL_DOMAIN, "dev.trollwatch")
                .varint(MODEL_MODEL_VERSION, ModelMetadata.formatVersion(tree))
                .string(MODEL_DOC_STRING, "trollwatch comment classifier (normal user, bot, troll); model "
                        + info.modelId() + ". Input: float[N,20] features in the order of metadata feature_names.")
                .message(MODEL_GRAPH, graph(tree, info))
                .message(MODEL_OPSET_IMPORT, new ProtoWriter().string(OPSET_DOMAIN, "").varint(OPSET_VERSION, DEFAULT_OPSET))
                .message(MODEL_OPSET_IMPORT, new ProtoWriter().string(OPSET_DOMAIN, ML_DOMAIN).varint(OPSET_VERSION, ML_OPSET));
        for (Map.Entry<String, String> e : metadata(tree, info).entrySet()) {
            model.message(MODEL_METADATA_PROPS, new ProtoWriter().string(ENTRY_KEY, e.getKey()).string(ENTRY_VALUE, e.getValue()));
        }
        return model.toByteArray();
    }

    /** Reads back a trollwatch ONNX file; it scores as ONNX Runtime does ({@link ThresholdPrecision#FLOAT32}). */
    public static ScoringModel read(Path path) throws IOException {
        return read(Files.readAllBytes(path), path.toString());
    }

    /** Reads ONNX bytes; {@code name} appears in error messages. */
    public static ScoringModel read(byte[] bytes, String name) {
        String looksLike = looksLike(bytes);
        if (looksLike != null) { // decoded as protobuf it was "unsupported protobuf wire type 3 at byte 1"
            throw new MalformedModelException(name + " is not an ONNX model: " + looksLike);
        }
        try {
            ScoringModel model = OnnxModelDecoder.decode(bytes, name);
            ModelCheck.verify(model.tree(), model.info(), name);
            return model;
        } catch (MalformedModelException e) {
            throw e.getMessage().startsWith(name) ? e
                    : new MalformedModelException(name + ": not a trollwatch ONNX model: " + e.getMessage(), e);
        }
    }

    /** What a file that is plainly not protobuf looks like, or null. */
    private static String looksLike(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        if (i < bytes.length && (bytes[i] == '{' || bytes[i] == '[')) {
            return "it looks like JSON (a .json model renamed?)";
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            return "it is gzip-compressed (a .model.gz renamed?)";
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xac && (bytes[1] & 0xff) == 0xed) {
            return "it looks like a Java serialised object (a Weka .model renamed?)";
        }
        return null;
    }

    private static Map<String, String> metadata(DecisionTree tree, ModelInfo info) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEY_MODEL_ID, info.modelId());
        m.put(KEY_TOOL_VERSION, nullToEmpty(info.toolVersion()));
        m.put(KEY_FEATURIZER_VERSION, Integer.toString(info.featurizerVersion()));
        m.put(KEY_FEATURE_NAMES, JsonModelFile.MAPPER.valueToTree(info.featureNames()).toString());
        m.put(KEY_CLASSES, JsonModelFile.MAPPER.valueToTree(List.of(Label.BOT.text(), Label.NORMAL.text(),
                Label.TROLL.text())).toString());
        try {
            m.put(KEY_TROLLWATCH_MODEL, JsonModelFile.MAPPER.writer().writeValueAsString(JsonModelFile.toJson(tree, info)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata is plain JSON", e);
        }
        return m;
    }

    private static ProtoWriter graph(DecisionTree tree, ModelInfo info) {
        return new ProtoWriter()
                .message(GRAPH_NODE, treeNode(tree))
                .string(GRAPH_NAME, "trollwatch_" + info.modelId())
                .string(GRAPH_DOC_STRING, "One decision tree; value <= threshold takes the true branch.")
                .message(GRAPH_INPUT, valueInfo(INPUT, FLOAT, FeatureSchema.SIZE))
                .message(GRAPH_OUTPUT, valueInfo(OUTPUT_LABEL, STRING, -1))
                .message(GRAPH_OUTPUT, valueInfo(OUTPUT_PROBABILITIES, FLOAT, Label.values().length));
    }

    /** A tensor of shape [N] or [N, columns] (N symbolic). */
    private static ProtoWriter valueInfo(String name, int elemType, int columns) {
        ProtoWriter shape = new ProtoWriter().message(SHAPE_DIM, new ProtoWriter().string(DIM_PARAM, "N"));
        if (columns > 0) {
            shape.message(SHAPE_DIM, new ProtoWriter().varint(DIM_VALUE, columns));
        }
        ProtoWriter tensor = new ProtoWriter().varint(TENSOR_ELEM_TYPE, elemType).message(TENSOR_SHAPE, shape);
        return new ProtoWriter().string(VALUE_NAME, name)
                .message(VALUE_TYPE, new ProtoWriter().message(TYPE_TENSOR, tensor));
    }

    private static ProtoWriter treeNode(DecisionTree tree) {
        List<FlatTree.FlatNode> nodes = FlatTree.flatten(tree);
        int n = nodes.size();
        long[] ids = new long[n];
        long[] treeIds = new long[n];
        long[] featureIds = new long[n];
        long[] trueIds = new long[n];
        long[] falseIds = new long[n];
        long[] missingTracksTrue = new long[n];
        float[] values = new float[n];
        String[] modes = new String[n];
        int classes = Label.values().length;
        int leaves = (int) nodes.stream().filter(FlatTree.FlatNode::isLeaf).count();
        long[] classTreeIds = new long[leaves * classes];
        long[] classNodeIds = new long[leaves * classes];
        long[] classIds = new long[leaves * classes];
        float[] classWeights = new float[leaves * classes];
        int vote = 0;
        int clamped = 0;
        for (FlatTree.FlatNode f : nodes) {
            int i = f.id();
            ids[i] = i;
            if (f.node() instanceof DecisionTree.Split s) {
                modes[i] = "BRANCH_LEQ";
                featureIds[i] = s.feature();
                values[i] = onnxThreshold(s.threshold(), tree.precision());
                if (Math.abs(s.threshold()) > Float.MAX_VALUE) {
                    clamped++;
                }
                trueIds[i] = f.left();
                falseIds[i] = f.right();
            } else {
                modes[i] = "LEAF";
                double[] p = ((DecisionTree.Leaf) f.node()).probabilities();
                for (int c = 0; c < classes; c++, vote++) {
                    classNodeIds[vote] = i;
                    classIds[vote] = c;
                    classWeights[vote] = (float) p[c];
                }
            }
        }
        if (clamped > 0) {
            LOG.warn("ONNX model: {} split threshold(s) beyond float32's range are stored as ±{} (ONNX inputs are"
                    + " float32: a feature value beyond that range cannot be told apart there)", clamped,
                    Float.MAX_VALUE);
        }
        String[] labels = new String[classes];
        for (Label l : Label.values()) {
            labels[l.ordinal()] = l.text();
        }
        return new ProtoWriter()
                .string(NODE_INPUT, INPUT)
                .string(NODE_OUTPUT, OUTPUT_LABEL)
                .string(NODE_OUTPUT, OUTPUT_PROBABILITIES)
                .string(NODE_NAME, "tree")
                .string(NODE_OP_TYPE, OP_TYPE)
                .string(NODE_DOMAIN, ML_DOMAIN)
                .message(NODE_ATTRIBUTE, ints("nodes_treeids", treeIds))
                .message(NODE_ATTRIBUTE, ints("nodes_nodeids", ids))
                .message(NODE_ATTRIBUTE, ints("nodes_featureids", featureIds))
                .message(NODE_ATTRIBUTE, strings("nodes_modes", modes))
                .message(NODE_ATTRIBUTE, floats("nodes_values", values))
                .message(NODE_ATTRIBUTE, ints("nodes_truenodeids", trueIds))
                .message(NODE_ATTRIBUTE, ints("nodes_falsenodeids", falseIds))
                .message(NODE_ATTRIBUTE, ints("nodes_missing_value_tracks_true", missingTracksTrue))
                .message(NODE_ATTRIBUTE, ints("class_treeids", classTreeIds))
                .message(NODE_ATTRIBUTE, ints("class_nodeids", classNodeIds))
                .message(NODE_ATTRIBUTE, ints("class_ids", classIds))
                .message(NODE_ATTRIBUTE, floats("class_weights", classWeights))
                .message(NODE_ATTRIBUTE, strings("classlabels_strings", labels))
                .message(NODE_ATTRIBUTE, new ProtoWriter().string(ATTR_NAME, "post_transform")
                        .string(ATTR_S, "NONE").varint(ATTR_TYPE, TYPE_STRING));
    }

    /**
     * The float32 threshold ONNX Runtime compares float32 inputs with: the nearest float for a
     * double-precision tree (see the class comment), the largest float {@code <= threshold} for a
     * float32 tree, which makes {@code x32 <= t32} equivalent to {@code x32 <= threshold}. A
     * threshold beyond float32's range (a split between two karmas of 1e300) would become infinite,
     * which no loader accepts; it is stored as the largest float of its sign, which keeps every
     * finite float input on its branch.
     */
    static float onnxThreshold(double threshold, DecisionTree.FeaturePrecision precision) {
        if (Math.abs(threshold) > Float.MAX_VALUE) {
            return ThresholdPrecision.float32Threshold(threshold);
        }
        float nearest = (float) threshold;
        if (precision == DecisionTree.FeaturePrecision.FLOAT32 && nearest > threshold) {
            return Math.nextDown(nearest);
        }
        return nearest;
    }

    private static ProtoWriter ints(String name, long[] values) {
        return new ProtoWriter().string(ATTR_NAME, name).packedVarints(ATTR_INTS, values).varint(ATTR_TYPE, TYPE_INTS);
    }

    private static ProtoWriter floats(String name, float[] values) {
        return new ProtoWriter().string(ATTR_NAME, name).packedFloats(ATTR_FLOATS, values).varint(ATTR_TYPE, TYPE_FLOATS);
    }

    private static ProtoWriter strings(String name, String[] values) {
        ProtoWriter w = new ProtoWriter().string(ATTR_NAME, name);
        for (String v : values) {
            w.string(ATTR_STRINGS, v);
        }
        return w.varint(ATTR_TYPE, TYPE_STRINGS);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Parses the JSON held in a metadata value. */
    static JsonNode parseJson(String json, String where) {
        try {
            return JsonModelFile.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedModelException(where + ": metadata is not valid JSON: " + JsonErrorText.reason(e));
        }
    }
}
