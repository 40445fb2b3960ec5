package dev.trollwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
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
        assertEquals(4, TreeDiagram.drawnDepth(tree), "16 boxes across fit in 24; 32 do not");
        String svg = TreeDiagram.draw(tree);
        assertTrue(svg.contains("width=\"" + (16 * 216 + 16) + "\""), svg.substring(0, 200));
        assertEquals(16, count(svg, "stroke-dasharray"), "each subtree below depth 4 is one dashed box");
        assertEquals(16, count(svg, "subtree: 64 leaves"));
        assertTrue(svg.contains("drawn down to depth 4"), "the drawing says it is cut");
    }

    @Test
    void aWideDrawingKeepsThreeQuartersOfItsWidthAndScrollsRatherThanShrinkingFurther() {
        // A 191-leaf tree was drawn 8,656 units wide and squeezed into the 1,060 px page: 1.5 px text.
        String svg = TreeDiagram.draw(new DecisionTree(complete(10, 0)));
        assertTrue(svg.contains("width=\"3472\" style=\"min-width:2604px\""), svg.substring(0, 200));
        assertTrue(TreeDiagram.MAX_BOXES_ACROSS * 216 * Svg.MIN_SCALE <= 4000, "at most about 4 screens wide");
    }

    /** A complete tree whose bottom pairs are a 27-row normal leaf and an 8-row troll leaf (troll weight 5). */
    private static DecisionTree.Node mostlyNormalRows(int depth) {
        if (depth == 1) {
            return new DecisionTree.Split(0, 1, new DecisionTree.Leaf(new double[] {0, 27, 0}, new long[] {0, 27, 0}),
                    new DecisionTree.Leaf(new double[] {0, 0, 40}, new long[] {0, 0, 8}));
        }
        return new DecisionTree.Split(depth % FeatureSchema.SIZE, depth, mostlyNormalRows(depth - 1), mostlyNormalRows(depth - 1));
    }

    @Test
    void aFoldedSubtreeIsLabelledAndTintedByTheClassMostOfItsRowsLandIn() {
        // It said "mostly → troll" from the summed weights (troll 80 > normal 54) although 54 of the 70 rows
        // land in normal leaves.
        String svg = TreeDiagram.draw(new DecisionTree(mostlyNormalRows(6)));
        assertEquals(16, count(svg, "stroke-dasharray"));
        assertEquals(16, count(svg, "most rows → normal"), svg);
        assertFalse(svg.contains("→ troll"), "no folded box says troll");
        assertEquals(16, count(svg, "fill=\"" + ClassColors.tint(Label.NORMAL) + "\" stroke=\"" + ClassColors.of(Label.NORMAL)
                + "\" stroke-width=\"1.2\" rx=\"6\" stroke-dasharray"), "tinted normal");
    }

    @Test
    void aChainIsDrawnToTheDepthWhereItsBoxesWouldNotFit() {
        // A 64-deep chain has one leaf per level: 65 leaves, more than 24 across.
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
