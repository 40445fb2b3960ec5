package dev.trollwatch.report;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.Numbers;

/**
 * The tree drawn top-down: each node a box tinted with the class it would predict (its summed
 * class weights), with its split, its training rows per class and a bar of their shares; leaves
 * also show the predicted class's class-weighted probability next to its row frequency.
 */
final class TreeDiagram {
    private static final double SLOT = 216;
    private static final double BOX_W = 206;
    private static final double BOX_H = 70;
    private static final double LEVEL = 112;
    private static final double MARGIN = 8;

    private TreeDiagram() {
    }

    static String draw(DecisionTree tree) {
        int leaves = tree.leaves().size();
        Svg svg = new Svg(leaves * SLOT + 2 * MARGIN, (tree.depth() + 1) * LEVEL - (LEVEL - BOX_H) + 2 * MARGIN,
                "the decision tree: " + leaves + " leaves, depth " + tree.depth());
        node(svg, tree.root(), 0, 0);
        return svg.end();
    }

    /** Draws {@code n} over leaf slots starting at {@code firstSlot}; returns the x of its centre. */
    private static double node(Svg svg, DecisionTree.Node n, int firstSlot, int depth) {
        int width = new DecisionTree(n).leaves().size();
        double cx = MARGIN + (firstSlot + width / 2.0) * SLOT;
        double y = MARGIN + depth * LEVEL;
        long[] rows = new long[3];
        double[] weights = new double[3];
        for (DecisionTree.Leaf leaf : new DecisionTree(n).leaves()) {
            for (int c = 0; c < 3; c++) {
                rows[c] += leaf.rows()[c];
                weights[c] += leaf.weights()[c];
            }
        }
        Label predicted = n instanceof DecisionTree.Leaf leaf ? leaf.predicted() : new DecisionTree.Leaf(weights, rows).predicted();
        if (n instanceof DecisionTree.Split s) {
            int leftWidth = new DecisionTree(s.left()).leaves().size();
            double lx = node(svg, s.left(), firstSlot, depth + 1);
            double rx = node(svg, s.right(), firstSlot + leftWidth, depth + 1);
            double childTop = y + LEVEL;
            svg.line(cx, y + BOX_H, lx, childTop, "#555", "stroke-width=\"1.2\"");
            svg.line(cx, y + BOX_H, rx, childTop, "#555", "stroke-width=\"1.2\"");
            String threshold = Numbers.compact(s.threshold());
            svg.text((cx + lx) / 2 - 6, (y + BOX_H + childTop) / 2, "≤ " + threshold, "end", "edge");
            svg.text((cx + rx) / 2 + 6, (y + BOX_H + childTop) / 2, "> " + threshold, "start", "edge");
        }
        double x = cx - BOX_W / 2;
        svg.rect(x, y, BOX_W, BOX_H, ClassColors.tint(predicted),
                "stroke=\"" + ClassColors.of(predicted) + "\" stroke-width=\"" + (n instanceof DecisionTree.Leaf ? "2.5" : "1.2") + "\" rx=\"6\"");
        if (n instanceof DecisionTree.Split s) {
            svg.text(cx, y + 17, FeatureSchema.NAMES.get(s.feature()), "middle", "node-title");
            svg.text(cx, y + 32, "split at " + Numbers.compact(s.threshold()), "middle", "node-text");
        } else {
            DecisionTree.Leaf leaf = (DecisionTree.Leaf) n;
            long total = rows[0] + rows[1] + rows[2];
            double p = leaf.probabilities()[predicted.ordinal()];
            double freq = total == 0 ? 0 : (double) rows[predicted.ordinal()] / total;
            svg.text(cx, y + 17, "→ " + predicted.text(), "middle", "node-title");
            svg.text(cx, y + 32, "p " + Html.fixed(p, 2) + " (weighted) · freq " + Html.fixed(freq, 2), "middle", "node-text");
        }
        svg.text(cx, y + 47, rowsText(rows), "middle", "node-text");
        shareBar(svg, x + 8, y + 54, BOX_W - 16, 9, rows);
        return cx;
    }

    private static String rowsText(long[] rows) {
        return "bot " + Html.count(rows[0]) + " · normal " + Html.count(rows[1]) + " · troll " + Html.count(rows[2]);
    }

    /** A horizontal bar split into the classes' shares of the rows. */
    static void shareBar(Svg svg, double x, double y, double w, double h, long[] rows) {
        long total = rows[0] + rows[1] + rows[2];
        double at = x;
        for (Label l : Label.values()) {
            double part = total == 0 ? 0 : w * rows[l.ordinal()] / total;
            svg.rect(at, y, part, h, ClassColors.of(l), null);
            at += part;
        }
        svg.rect(x, y, w, h, "none", "stroke=\"#333\" stroke-width=\"0.5\"");
    }
}
