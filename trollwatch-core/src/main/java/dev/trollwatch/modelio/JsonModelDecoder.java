package dev.trollwatch.modelio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.ThresholdPrecision;

/**
 * Turns a parsed {@code BASE.json} into a {@link ScoringModel}, refusing anything this version
 * cannot score exactly: another format or a newer version, another featurizer version or feature
 * list, other classes, or a tree that is not well formed. Every error names the file and field.
 */
final class JsonModelDecoder {
    private static final double PROBABILITY_TOLERANCE = 1e-9;

    private final String file;
    private final JsonFields f;

    JsonModelDecoder(String file) {
        this.file = file;
        this.f = new JsonFields(file);
    }

    ScoringModel decode(JsonNode root) {
        ModelInfo info = ModelMetadata.read(root, file);
        JsonNode treeNode = f.field(root, "tree");
        DecisionTree tree = tree(treeNode);
        summaryMatches(root.get("tree_summary"), tree);
        if (tree.precision() == DecisionTree.FeaturePrecision.FLOAT32
                && root.path("format_version").asInt() < ModelMetadata.FORMAT_VERSION) {
            // a version 1 reader would ignore the precision and mis-score values next to a threshold
            throw f.error("format_version", "tree.feature_precision \"float32\" needs format version "
                    + ModelMetadata.FORMAT_VERSION + ", the file says " + root.path("format_version").asInt());
        }
        return new ScoringModel(tree, info, ThresholdPrecision.DOUBLE);
    }

    /** {@code tree_summary} is derived from the tree: one that disagrees with it is an edited file. */
    private void summaryMatches(JsonNode summary, DecisionTree tree) {
        if (summary == null || summary.isNull()) {
            return; // optional for readers: the tree is what counts
        }
        int[] actual = {tree.depth(), FlatTree.flatten(tree).size(), tree.leaves().size()};
        String[] names = {"depth", "nodes", "leaves"};
        for (int i = 0; i < names.length; i++) {
            int declared = f.integer(summary, names[i], "tree_summary." + names[i]);
            if (declared != actual[i]) {
                throw f.error("tree_summary." + names[i], "says " + declared + ", the tree has " + actual[i]);
            }
        }
    }

    /** {@code tree.feature_precision}: absent (files before version 2) or "float64" compare doubles. */
    private DecisionTree.FeaturePrecision precision(JsonNode tree) {
        JsonNode p = tree.get("feature_precision");
        if (p == null || p.isNull() || JsonModelFile.PRECISION_FLOAT64.equals(p.asText())) {
            return DecisionTree.FeaturePrecision.FLOAT64;
        }
        if (p.isTextual() && JsonModelFile.PRECISION_FLOAT32.equals(p.asText())) {
            return DecisionTree.FeaturePrecision.FLOAT32;
        }
        throw f.error("tree.feature_precision", "expected \"" + JsonModelFile.PRECISION_FLOAT64 + "\" or \""
                + JsonModelFile.PRECISION_FLOAT32 + "\", found " + p);
    }

    /** Reads and checks a {@code tree} object (also the one an ONNX file embeds in its metadata). */
    DecisionTree tree(JsonNode tree) {
        JsonNode nodes = f.field(tree, "nodes", "tree.nodes");
        if (!nodes.isArray() || nodes.isEmpty()) {
            throw f.error("tree.nodes", "expected a non-empty array of nodes");
        }
        int n = nodes.size();
        DecisionTree.Leaf[] leaves = new DecisionTree.Leaf[n];
        int[][] splits = new int[n][];
        double[] thresholds = new double[n];
        boolean[] defined = new boolean[n];
        for (int i = 0; i < n; i++) {
            JsonNode node = nodes.get(i);
            String where = "tree.nodes[" + i + "]";
            int id = f.integer(node, "id", where + ".id");
            if (id < 0 || id >= n) {
                throw f.error(where + ".id", "expected a node id from 0 to " + (n - 1) + ", found " + id);
            }
            if (defined[id]) {
                throw f.error(where + ".id", "node id " + id + " is used twice");
            }
            defined[id] = true;
            where = "tree.nodes[" + i + "] (id " + id + ")";
            JsonNode isLeaf = node.get("leaf");
            if (isLeaf != null && !isLeaf.isBoolean()) {
                throw f.error(where + ".leaf", "expected true or false, found " + isLeaf);
            }
            if (isLeaf != null && isLeaf.booleanValue()) {
                if (node.has("left") || node.has("right")) {
                    throw f.error(where, "a leaf has no children (left, right)");
                }
                leaves[id] = leaf(node, where);
            } else {
                splits[id] = split(node, where);
                thresholds[id] = f.number(node, "threshold", where + ".threshold");
            }
        }
        return FlatTree.rebuild(leaves, splits, thresholds, file + ": tree.nodes").withPrecision(precision(tree));
    }

    private int[] split(JsonNode node, String where) {
        int index = f.integer(node, "feature_index", where + ".feature_index");
        if (index < 0 || index >= FeatureSchema.SIZE) {
            throw f.error(where + ".feature_index", "expected 0.." + (FeatureSchema.SIZE - 1) + ", found " + index);
        }
        String name = f.text(node, "feature", where + ".feature");
        if (!FeatureSchema.NAMES.get(index).equals(name)) {
            throw f.error(where + ".feature", "feature_index " + index + " is \"" + FeatureSchema.NAMES.get(index)
                    + "\", not \"" + name + "\"");
        }
        return new int[] {index, f.integer(node, "left", where + ".left"), f.integer(node, "right", where + ".right")};
    }

    private DecisionTree.Leaf leaf(JsonNode node, String where) {
        double[] weights = new double[Label.values().length];
        long[] rows = new long[weights.length];
        double[] probs = new double[weights.length];
        for (Label l : Label.values()) {
            String w = where + ".weights." + l.text();
            weights[l.ordinal()] = f.number(f.field(node, "weights", where + ".weights"), l.text(), w);
            if (weights[l.ordinal()] < 0) {
                throw f.error(w, "expected a weight >= 0");
            }
            rows[l.ordinal()] = f.count(f.field(node, "rows", where + ".rows"), l.text(), where + ".rows." + l.text());
            probs[l.ordinal()] = f.number(f.field(node, "probabilities", where + ".probabilities"), l.text(),
                    where + ".probabilities." + l.text());
        }
        DecisionTree.Leaf leaf = new DecisionTree.Leaf(weights, rows);
        JsonNode declared = node.get("class");
        if (declared != null && !declared.isNull() && !leaf.predicted().text().equals(declared.asText())) {
            throw f.error(where + ".class", (declared.isTextual() ? "\"" + declared.asText() + "\"" : declared.toString())
                    + " is not the class of the leaf's weights (\"" + leaf.predicted().text() + "\")");
        }
        double[] expected = leaf.probabilities();
        for (Label l : Label.values()) {
            if (Math.abs(expected[l.ordinal()] - probs[l.ordinal()]) > PROBABILITY_TOLERANCE) {
                throw f.error(where + ".probabilities." + l.text(), "does not match the leaf's weights (expected "
                        + expected[l.ordinal()] + ")");
            }
        }
        return leaf;
    }
}
