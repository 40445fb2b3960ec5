package dev.trollwatch.modelio;

import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model's identity: the first 16 hex digits of a SHA-256 over what decides its predictions and
 * its provenance (tree, features, featurizer version, class weights, parameters, training data
 * fingerprint). Training time and tool version are left out, so retraining the same data the same
 * way gives the same id. Used when training did not set one.
 */
public final class ModelId {
    private static final int HEX_DIGITS = 16;

    private ModelId() {
    }

    /** The id of this tree trained as {@code info} describes (ignores {@code info.modelId()}). */
    public static String of(DecisionTree tree, ModelInfo info) {
        StringBuilder sb = new StringBuilder();
        appendNode(sb, tree.root());
        sb.append("|features=").append(info.featureNames());
        sb.append("|featurizer=").append(info.featurizerVersion());
        sb.append("|weights=").append(sorted(info.classWeights()));
        sb.append("|params=").append(sorted(info.params()));
        sb.append("|data=").append(info.dataSha256());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** {@code info} with its model id set: kept when present, computed otherwise. */
    public static ModelInfo ensure(DecisionTree tree, ModelInfo info) {
        if (info.modelId() != null && !info.modelId().isBlank()) {
            return info;
        }
        return new ModelInfo(of(tree, info), info.toolVersion(), info.featurizerVersion(), info.featureNames(),
                info.classWeights(), info.params(), info.metrics(), info.dataSha256(), info.trainingRows(),
                info.createdAt());
    }

    private static void appendNode(StringBuilder sb, DecisionTree.Node n) {
        if (n instanceof DecisionTree.Split s) {
            sb.append('(').append(s.feature()).append("<=").append(s.threshold()).append(' ');
            appendNode(sb, s.left());
            sb.append(' ');
            appendNode(sb, s.right());
            sb.append(')');
        } else {
            DecisionTree.Leaf l = (DecisionTree.Leaf) n;
            sb.append('[').append(java.util.Arrays.toString(l.weights())).append(java.util.Arrays.toString(l.rows())).append(']');
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        if (m != null) {
            m.forEach((k, v) -> out.put(k instanceof Label l ? l.text() : String.valueOf(k), v));
        }
        return out;
    }
}
