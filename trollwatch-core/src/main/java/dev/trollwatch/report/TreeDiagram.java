package dev.trollwatch.report;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.Numbers;

/**
 * The tree drawn top-down: each node a box tinted with the class it would predict (its summed
 * class weights; for a folded subtree, the class most of its rows land in), with its split, its
 * training rows per class and a bar of their shares; leaves also show the predicted class's
 * class-weighted probability next to its row frequency.
 *
 * <p>A drawing has room for {@link #MAX_BOXES_ACROSS} boxes side by side (5,200 units: at the
 * smallest readable scale about 3,900 px, which the page scrolls sideways). A larger tree (an
 * unlimited one can have thousands of leaves, a drawing a million pixels wide) is drawn down to
 * the deepest level that fits, and each subtree below it is one dashed box with its leaf count.
 */
final class TreeDiagram {
    static final int MAX_BOXES_ACROSS = 24;

    private static final double SLOT = 216;
    private static final double BOX_W = 206;
    private static final double BOX_H = 70;
    private static final double LEVEL = 112;
    private static final double MARGIN = 8;

    private TreeDiagram() {
    }

    static String draw(DecisionTree tree) {
        int shown = drawnDepth(tree);
        Svg svg = new Svg(across(tree.root(), 0, shown) * SLOT + 2 * MARGIN, (shown + 1) * LEVEL - (LEVEL - BOX_H) + 2 * MARGIN,
                summary(tree, shown));
        node(svg, tree.root(), 0, 0, shown);
        return svg.end();
    }

    /** The accessible name: size, the root's split and how many leaves predict each class. */
    static String summary(DecisionTree tree, int shown) {
        StringBuilder sb = new StringBuilder("the decision tree: ").append(Html.count(tree.leaves().size(), "leaf", "leaves"))
                .append(", depth ").append(tree.depth()).append(shown < tree.depth() ? ", drawn down to depth " + shown : "");
        if (tree.root() instanceof DecisionTree.Split s) {
            sb.append("; the root splits on ").append(FeatureSchema.NAMES.get(s.feature())).append(" at ").append(Numbers.compact(s.threshold()));
        }
        long[] predicting = new long[3];
        for (DecisionTree.Leaf leaf : tree.leaves()) {
            predicting[leaf.predicted().ordinal()]++;
        }
        sb.append("; leaves predicting ");
        for (Label l : Label.values()) {
            sb.append(l.ordinal() == 0 ? "" : ", ").append(l.text()).append(' ').append(Html.count(predicting[l.ordinal()]));
        }
        return sb.toString();
    }

    /** The deepest level the drawing goes down to: the whole tree when it fits. */
    static int drawnDepth(DecisionTree tree) {
        int d = 0;
        while (d < tree.depth() && across(tree.root(), 0, d + 1) <= MAX_BOXES_ACROSS) {
            d++;
        }
        return d;
    }

    /** Boxes side by side at the bottom of {@code n}'s drawing when the drawing stops at {@code shown}. */
    private static int across(DecisionTree.Node n, int depth, int shown) {
        if (n instanceof DecisionTree.Split s && depth < shown) {
            return across(s.left(), depth + 1, shown) + across(s.right(), depth + 1, shown);
        }
        return 1;
    }

    /** Draws {@code n} over box slots starting at {@code firstSlot}; returns the x of its centre. */
    private static double node(Svg svg, DecisionTree.Node n, int firstSlot, int depth, int shown) {
        int width = across(n, depth, shown);
        boolean folded = n instanceof DecisionTree.Split && depth == shown;
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
        Label predicted = n instanceof DecisionTree.Leaf leaf ? leaf.predicted()
                : folded ? mostRowsLandIn(n) : new DecisionTree.Leaf(weights, rows).predicted();
        if (n instanceof DecisionTree.Split s && !folded) {
            int leftWidth = across(s.left(), depth + 1, shown);
            double lx = node(svg, s.left(), firstSlot, depth + 1, shown);
            double rx = node(svg, s.right(), firstSlot + leftWidth, depth + 1, shown);
            double childTop = y + LEVEL;
            svg.line(cx, y + BOX_H, lx, childTop, "#555", "stroke-width=\"1.2\"");
            svg.line(cx, y + BOX_H, rx, childTop, "#555", "stroke-width=\"1.2\"");
            String threshold = Numbers.compact(s.threshold());
            svg.text((cx + lx) / 2 - 6, (y + BOX_H + childTop) / 2, "≤ " + threshold, "end", "edge");
            svg.text((cx + rx) / 2 + 6, (y + BOX_H + childTop) / 2, "> " + threshold, "start", "edge");
        }
        double x = cx - BOX_W / 2;
        svg.rect(x, y, BOX_W, BOX_H, ClassColors.tint(predicted),
                "stroke=\"" + ClassColors.of(predicted) + "\" stroke-width=\"" + (n instanceof DecisionTree.Leaf ? "2.5" : "1.2") + "\" rx=\"6\""
                        + (folded ? " stroke-dasharray=\"5 3\"" : ""));
        if (folded) {
            DecisionTree below = new DecisionTree(n);
            svg.text(cx, y + 17, "subtree: " + Html.count(below.leaves().size()) + " leaves", "middle", "node-title");
            svg.text(cx, y + 32, below.depth() + " levels · most rows → " + predicted.text(), "middle", "node-text");
        } else if (n instanceof DecisionTree.Split s) {
            svg.text(cx, y + 17, FeatureSchema.NAMES.get(s.feature()), "middle", "node-title");
            svg.text(cx, y + 32, "split at " + Numbers.compact(s.threshold()), "middle", "node-text");
        } else {
            DecisionTree.Leaf leaf = (DecisionTree.Leaf) n;
            long total = rows[0] + rows[1] + rows[2];
            double p = leaf.probabilities()[predicted.ordinal()];
            double freq = total == 0 ? 0 : (double) rows[predicted.ordinal()] / total;
            svg.text(cx, y + 17, "→ " + predicted.text(), "middle", "node-title");
            // 3 decimals: with 2, a p of 0.9966 read "1.00", a certainty the leaf does not have
            svg.text(cx, y + 32, "p " + Html.fixed(p, 3) + " (weighted) · freq " + Html.fixed(freq, 3), "middle", "node-text");
        }
        svg.text(cx, y + 47, rowsText(rows), "middle", "node-text");
        shareBar(svg, x + 8, y + 54, BOX_W - 16, 9, rows);
        return cx;
    }

    /**
     * The class whose leaves below {@code n} receive most of its training rows (first in {@link Label}
     * order on ties). The summed class weights can name another: a few heavily weighted troll rows
     * outweigh many normal ones although most of the subtree's leaves, and rows, say normal.
     */
    static Label mostRowsLandIn(DecisionTree.Node n) {
        long[] rowsByPrediction = new long[3];
        for (DecisionTree.Leaf leaf : new DecisionTree(n).leaves()) {
            rowsByPrediction[leaf.predicted().ordinal()] += leaf.rows()[0] + leaf.rows()[1] + leaf.rows()[2];
        }
        int best = 0;
        for (int c = 1; c < 3; c++) {
            if (rowsByPrediction[c] > rowsByPrediction[best]) {
                best = c;
            }
        }
        return Label.values()[best];
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
