package dev.trollwatch.model;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;

/** The tree as Graphviz DOT: split nodes show feature and threshold, leaves the class and row counts. */
public final class TreeDot {
    private TreeDot() {
    }

    public static String of(DecisionTree tree) {
        StringBuilder sb = new StringBuilder();
        sb.append("digraph trollwatch {\n");
        sb.append("  node [shape=box, style=\"rounded\", fontname=\"Helvetica\"];\n");
        sb.append("  edge [fontname=\"Helvetica\"];\n");
        node(tree.root(), new int[] {0}, sb);
        sb.append("}\n");
        return sb.toString();
    }

    /** Emits {@code n} and its subtree; returns n's id. */
    private static int node(DecisionTree.Node n, int[] next, StringBuilder sb) {
        int id = next[0]++;
        if (n instanceof DecisionTree.Split s) {
            sb.append(String.format("  n%d [label=\"%s <= %s\"];%n", id, FeatureSchema.NAMES.get(s.feature()), Numbers.compact(s.threshold())));
            int l = node(s.left(), next, sb);
            int r = node(s.right(), next, sb);
            sb.append(String.format("  n%d -> n%d [label=\"yes\"];%n", id, l));
            sb.append(String.format("  n%d -> n%d [label=\"no\"];%n", id, r));
        } else {
            DecisionTree.Leaf leaf = (DecisionTree.Leaf) n;
            StringBuilder label = new StringBuilder(leaf.predicted().text());
            for (Label c : Label.values()) {
                label.append("\\n").append(c.text()).append(": ").append(leaf.rows()[c.ordinal()]);
            }
            sb.append(String.format("  n%d [label=\"%s\", style=\"rounded,filled\", fillcolor=\"%s\"];%n", id, label, color(leaf.predicted())));
        }
        return id;
    }

    private static String color(Label l) {
        return switch (l) {
            case BOT -> "#f4cccc";
            case NORMAL -> "#d9ead3";
            case TROLL -> "#fff2cc";
        };
    }
}
