package dev.trollwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.model.DecisionTree;
import org.junit.jupiter.api.Test;

/** The tree drawing stays readable and bounded whatever the tree's size. */
class TreeDiagramTest {

    private static DecisionTree.Node complete(int depth, int k) {
        if (depth == 0) {
            return new DecisionTree.Leaf(new double[] {k % 3, 1, k % 5}, new long[] {k % 3, 1, k % 5});
        }
        return new DecisionTree.Split(k % FeatureSchema.SIZE, k, complete(depth - 1, 2 * k + 1), complete(depth - 1, 2 * k + 2));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aSmallTreeIsDrawnWhole() {
        DecisionTree tree = new DecisionTree(complete(3, 0));
        assertEquals(3, TreeDiagram.drawnDepth(tree));
        String svg = TreeDiagram.draw(tree);
        assertFalse(svg.contains("stroke-dasharray"), "no folded subtree");
        assertEquals(8, count(svg, "→ "), "one box per leaf");
    }

    @Test
    void aLargeTreeIsDrawnDownToTheLevelThatFitsWithEachSubtreeBelowAsOneBox() {
        // 1,024 leaves used to make a drawing 221,000 pixels wide (216 per leaf).
        DecisionTree tree = new DecisionTree(complete(10, 0));
        assertEquals(5, TreeDiagram.drawnDepth(tree), "32 boxes across fit in 48; 64 do not");
        String svg = TreeDiagram.draw(tree);
        assertTrue(svg.contains("width=\"" + (32 * 216 + 16) + "\""), svg.substring(0, 200));
        assertEquals(32, count(svg, "stroke-dasharray"), "each subtree below depth 5 is one dashed box");
        assertEquals(32, count(svg, "subtree: 32 leaves"));
        assertTrue(svg.contains("drawn down to depth 5"), "the drawing says it is cut");
    }

    @Test
    void aChainIsDrawnToTheDepthWhereItsBoxesWouldNotFit() {
        // A 64-deep chain has one leaf per level: 65 leaves, more than 48 across.
        DecisionTree.Node n = new DecisionTree.Leaf(new double[] {1, 0, 0}, new long[] {1, 0, 0});
        for (int d = 0; d < DecisionTree.MAX_DEPTH; d++) {
            n = new DecisionTree.Split(d % FeatureSchema.SIZE, d, new DecisionTree.Leaf(new double[] {0, 1, 0}, new long[] {0, 1, 0}), n);
        }
        DecisionTree chain = new DecisionTree(n);
        int shown = TreeDiagram.drawnDepth(chain);
        assertEquals(TreeDiagram.MAX_BOXES_ACROSS - 1, shown);
        assertEquals(1, count(TreeDiagram.draw(chain), "stroke-dasharray"));
    }
}
