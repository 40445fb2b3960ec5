package dev.trollwatch.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model's id: the first 16 hex digits of the SHA-256 of a canonical text of the tree and the
 * training parameters. Canonical text: {@code trollwatch-tree/1}, then the nodes in pre-order, one
 * per line ({@code S <feature> <threshold>} / {@code L <weights> | <rows>}, numbers as Java's
 * {@code Double.toString}), then {@code params}, then {@code key=value} lines sorted by key. A tree
 * that rounds values to float32 before comparing adds the line {@code precision float32} after the
 * first (trees comparing doubles keep the text, and so the ids, they always had).
 * Identical trees trained with identical parameters get identical ids.
 */
public final class ModelIdentity {
    private ModelIdentity() {
    }

    public static String modelId(DecisionTree tree, Map<String, ?> params) {
        return HexFormat.of().formatHex(sha256(canonical(tree, params))).substring(0, 16);
    }

    static String canonical(DecisionTree tree, Map<String, ?> params) {
        StringBuilder sb = new StringBuilder("trollwatch-tree/1\n");
        if (tree.precision() == DecisionTree.FeaturePrecision.FLOAT32) {
            sb.append("precision float32\n");
        }
        append(tree.root(), sb);
        sb.append("params\n");
        new TreeMap<>(params).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    private static void append(DecisionTree.Node n, StringBuilder sb) {
        if (n instanceof DecisionTree.Split s) {
            sb.append("S ").append(s.feature()).append(' ').append(Double.toString(s.threshold())).append('\n');
            append(s.left(), sb);
            append(s.right(), sb);
        } else {
            DecisionTree.Leaf l = (DecisionTree.Leaf) n;
            sb.append('L');
            for (double w : l.weights()) {
                sb.append(' ').append(Double.toString(w));
            }
            sb.append(" |");
            for (long r : l.rows()) {
                sb.append(' ').append(r);
            }
            sb.append('\n');
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
