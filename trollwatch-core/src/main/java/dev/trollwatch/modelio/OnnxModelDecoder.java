package dev.trollwatch.modelio;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.ThresholdPrecision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.trollwatch.modelio.OnnxFields.*;

/**
 * Reads back what {@link OnnxModelFile} writes: the metadata (model id, trollwatch metadata) and the
 * TreeEnsembleClassifier's node and vote lists, rebuilt into a {@link DecisionTree}. It reads
 * trollwatch's own files, not arbitrary ONNX graphs: one tree, BRANCH_LEQ splits, three classes.
 */
final class OnnxModelDecoder {

    /** One attribute: ints, floats or strings (whichever it holds). */
    private record Attribute(List<Long> ints, List<Float> floats, List<String> strings) {
    }

    private OnnxModelDecoder() {
    }

    static ScoringModel decode(byte[] bytes, String name) {
        Map<String, String> metadata = new HashMap<>();
        ProtoReader graph = null;
        boolean mlOpset = false;
        for (ProtoReader.Field f : new ProtoReader(bytes).fields()) {
            switch (f.number()) {
                case MODEL_GRAPH -> graph = lengthDelimited(f).message();
                case MODEL_METADATA_PROPS -> {
                    String key = null;
                    String value = "";
                    for (ProtoReader.Field e : lengthDelimited(f).message().fields()) {
                        if (e.number() == ENTRY_KEY) {
                            key = lengthDelimited(e).string();
                        } else if (e.number() == ENTRY_VALUE) {
                            value = lengthDelimited(e).string();
                        }
                    }
                    metadata.put(key, value);
                }
                case MODEL_OPSET_IMPORT -> {
                    for (ProtoReader.Field e : lengthDelimited(f).message().fields()) {
                        if (e.number() == OPSET_DOMAIN && ML_DOMAIN.equals(lengthDelimited(e).string())) {
                            mlOpset = true;
                        }
                    }
                }
                default -> { }
            }
        }
        if (graph == null || !mlOpset) {
            throw new MalformedModelException(name + ": not an ONNX-ML model (no graph or no ai.onnx.ml opset)");
        }
        String json = metadata.get(OnnxModelFile.KEY_TROLLWATCH_MODEL);
        if (json == null) {
            throw new MalformedModelException(name + ": no '" + OnnxModelFile.KEY_TROLLWATCH_MODEL
                    + "' metadata: not written by trollwatch");
        }
        String embeddedName = name + " (metadata " + OnnxModelFile.KEY_TROLLWATCH_MODEL + ")";
        com.fasterxml.jackson.databind.JsonNode modelJson = OnnxModelFile.parseJson(json, name);
        ModelInfo info = ModelMetadata.read(modelJson, embeddedName);
        if (!info.modelId().equals(metadata.get(OnnxModelFile.KEY_MODEL_ID))) {
            throw new MalformedModelException(name + ": metadata model_id " + metadata.get(OnnxModelFile.KEY_MODEL_ID)
                    + " does not match the embedded model's " + info.modelId());
        }
        // ONNX Runtime rounds inputs to float32 and its thresholds are float32: the tree says so itself,
        // so that everything walking it (evaluate, importance, explanations) scores as ONNX Runtime does
        DecisionTree graphTree = tree(treeAttributes(graph, name), name).withPrecision(DecisionTree.FeaturePrecision.FLOAT32);
        // Files with an embedded tree keep the exact thresholds, weights and leaf rows, which the graph's floats
        // cannot hold: explanations from .onnx then equal those from .json and .model. Scoring still compares in float32.
        if (!modelJson.has("tree")) {
            return new ScoringModel(graphTree, info, ThresholdPrecision.FLOAT32);
        }
        ModelCheck.verify(graphTree, info, name); // the graph is what ONNX Runtime runs: its faults are named first
        DecisionTree exact = new JsonModelDecoder(embeddedName).tree(modelJson.get("tree"));
        if (!sameTree(exact.root(), graphTree.root())) {
            throw new MalformedModelException(name + ": the tree in metadata " + OnnxModelFile.KEY_TROLLWATCH_MODEL
                    + " differs from the ONNX graph's tree");
        }
        // (files without the exact tree hold only float32 values, which the id was not computed from)
        ModelId.warnIfChanged(exact, info, name);
        // the exact tree keeps its own comparison (as in the .json file), so evaluate, importance and
        // explanations from .onnx equal those from .json; scoring still compares in float32 as ONNX Runtime does
        return new ScoringModel(exact, info, ThresholdPrecision.FLOAT32);
    }

    /** Same shape, features and float thresholds, and leaf probabilities equal to float precision. */
    private static boolean sameTree(DecisionTree.Node exact, DecisionTree.Node graph) {
        if (exact instanceof DecisionTree.Split s && graph instanceof DecisionTree.Split g) {
            // the graph's float32 threshold is the exact one rounded, or (for scikit-learn trees) the float
            // just below it, chosen so that float32 comparisons decide as scikit-learn's do (both clamped
            // to float32's range)
            float stored = (float) g.threshold();
            return s.feature() == g.feature()
                    && (stored == OnnxModelFile.onnxThreshold(s.threshold(), DecisionTree.FeaturePrecision.FLOAT64)
                        || stored == OnnxModelFile.onnxThreshold(s.threshold(), DecisionTree.FeaturePrecision.FLOAT32))
                    && sameTree(s.left(), g.left()) && sameTree(s.right(), g.right());
        }
        if (exact instanceof DecisionTree.Leaf a && graph instanceof DecisionTree.Leaf b) {
            double[] p = a.probabilities();
            double[] q = b.probabilities();
            for (int c = 0; c < p.length; c++) {
                if (Math.abs(p[c] - q[c]) > 1e-6) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static Map<String, Attribute> treeAttributes(ProtoReader graph, String name) {
        List<ProtoReader> treeNodes = new ArrayList<>();
        for (ProtoReader.Field f : graph.fields()) {
            if (f.number() == GRAPH_NODE) {
                treeNodes.add(lengthDelimited(f).message());
            }
        }
        if (treeNodes.size() != 1) {
            throw new MalformedModelException(name + ": expected one graph node, found " + treeNodes.size());
        }
        Map<String, Attribute> attributes = new HashMap<>();
        String opType = null;
        for (ProtoReader.Field f : treeNodes.get(0).fields()) {
            if (f.number() == NODE_OP_TYPE) {
                opType = lengthDelimited(f).string();
            } else if (f.number() == NODE_ATTRIBUTE) {
                readAttribute(lengthDelimited(f).message(), attributes);
            }
        }
        if (!OnnxModelFile.OP_TYPE.equals(opType)) {
            throw new MalformedModelException(name + ": expected a " + OnnxModelFile.OP_TYPE + " node, found " + opType);
        }
        return attributes;
    }

    private static void readAttribute(ProtoReader attribute, Map<String, Attribute> out) {
        String attrName = null;
        List<Long> ints = new ArrayList<>();
        List<Float> floats = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        for (ProtoReader.Field f : attribute.fields()) {
            switch (f.number()) {
                case ATTR_NAME -> attrName = lengthDelimited(f).string();
                case ATTR_INTS -> ints.addAll(f.varints());
                case ATTR_FLOATS -> floats.addAll(f.floats());
                case ATTR_STRINGS, ATTR_S -> strings.add(lengthDelimited(f).string());
                case ATTR_I -> ints.add(f.value());
                case ATTR_F -> floats.add(f.float32());
                default -> { }
            }
        }
        out.put(attrName, new Attribute(ints, floats, strings));
    }

    private static DecisionTree tree(Map<String, Attribute> a, String name) {
        List<String> labels = get(a, "classlabels_strings", name).strings();
        List<String> expected = List.of(Label.BOT.text(), Label.NORMAL.text(), Label.TROLL.text());
        if (!labels.equals(expected)) {
            throw new MalformedModelException(name + ": class labels " + labels + ", expected " + expected);
        }
        List<Long> ids = get(a, "nodes_nodeids", name).ints();
        List<Long> features = get(a, "nodes_featureids", name).ints();
        List<String> modes = get(a, "nodes_modes", name).strings();
        List<Float> values = get(a, "nodes_values", name).floats();
        List<Long> trueIds = get(a, "nodes_truenodeids", name).ints();
        List<Long> falseIds = get(a, "nodes_falsenodeids", name).ints();
        int n = ids.size();
        for (List<?> l : List.of(features, modes, values, trueIds, falseIds)) {
            if (l.size() != n) {
                throw new MalformedModelException(name + ": nodes_* attributes differ in length");
            }
        }
        double[][] votes = new double[n][];
        List<Long> voteNodes = get(a, "class_nodeids", name).ints();
        List<Long> voteClasses = get(a, "class_ids", name).ints();
        List<Float> voteWeights = get(a, "class_weights", name).floats();
        if (voteClasses.size() != voteNodes.size() || voteWeights.size() != voteNodes.size()) {
            throw new MalformedModelException(name + ": class_* attributes differ in length");
        }
        for (int v = 0; v < voteNodes.size(); v++) {
            int node = checkId(voteNodes.get(v), n, name);
            int c = checkId(voteClasses.get(v), labels.size(), name);
            if (votes[node] == null) {
                votes[node] = new double[labels.size()];
            }
            votes[node][c] += voteWeights.get(v);
        }
        DecisionTree.Leaf[] leaves = new DecisionTree.Leaf[n];
        int[][] splits = new int[n][];
        double[] thresholds = new double[n];
        for (int i = 0; i < n; i++) {
            int id = checkId(ids.get(i), n, name);
            String mode = modes.get(i);
            if ("LEAF".equals(mode)) {
                double[] w = votes[id] == null ? new double[labels.size()] : votes[id];
                leaves[id] = new DecisionTree.Leaf(w, new long[labels.size()]);
            } else if ("BRANCH_LEQ".equals(mode)) {
                splits[id] = new int[] {checkId(features.get(i), FeatureSchema.SIZE, name),
                    checkId(trueIds.get(i), n, name), checkId(falseIds.get(i), n, name)};
                thresholds[id] = values.get(i);
            } else {
                throw new MalformedModelException(name + ": node " + id + " has mode " + mode
                        + "; trollwatch writes only BRANCH_LEQ and LEAF");
            }
        }
        return FlatTree.rebuild(leaves, splits, thresholds, name);
    }

    private static Attribute get(Map<String, Attribute> a, String key, String name) {
        Attribute v = a.get(key);
        if (v == null) {
            throw new MalformedModelException(name + ": the tree node has no attribute " + key);
        }
        return v;
    }

    private static int checkId(long id, int bound, String name) {
        if (id < 0 || id >= bound) {
            throw new MalformedModelException(name + ": index " + id + " out of range 0.." + (bound - 1));
        }
        return (int) id;
    }

    private static ProtoReader.Field lengthDelimited(ProtoReader.Field f) {
        if (f.wireType() != ProtoWriter.LENGTH_DELIMITED) {
            throw new MalformedModelException("field " + f.number() + " has wire type " + f.wireType()
                    + ", expected length-delimited");
        }
        return f;
    }
}
