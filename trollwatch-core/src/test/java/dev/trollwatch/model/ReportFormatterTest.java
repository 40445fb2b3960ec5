package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportFormatterTest {
    @Test
    void confusionMatrixIsLaidOutLikePandasCrosstabWithMargins() {
        ConfusionMatrix m = new ConfusionMatrix(new long[][] {{50, 3, 2}, {10, 300, 15}, {1, 9, 20}});
        String expected = ""
                + "Predicted  bot  normal  troll  All\n"
                + "True     \n"
                + "bot         50       3      2   55\n"
                + "normal      10     300     15  325\n"
                + "troll        1       9     20   30\n"
                + "All         61     312     37  410\n";
        assertEquals(expected, ReportFormatter.confusionMatrix(m));
    }

    @Test
    void rulesShowThresholdsAndLeafDistributions() {
        DecisionTree t = new DecisionTree(new DecisionTree.Split(17, 0.5694569,
                new DecisionTree.Leaf(new double[] {2.5, 90, 5}, new long[] {1, 90, 1}),
                new DecisionTree.Leaf(new double[] {250, 3, 0}, new long[] {100, 3, 0})));
        String rules = ReportFormatter.rules(t);
        assertEquals("recent_max_diff_ratio <= 0.569457: normal  (rows: bot 1, normal 90, troll 1; p=0.92)\n"
                + "recent_max_diff_ratio > 0.569457: bot  (rows: bot 100, normal 3, troll 0; p=0.99)\n", rules);
        String dot = TreeDot.of(t);
        assertTrue(dot.contains("n0 [label=\"recent_max_diff_ratio <= 0.569457\"]"), dot);
        assertTrue(dot.contains("n0 -> n1 [label=\"yes\"]") && dot.contains("n0 -> n2 [label=\"no\"]"), dot);
    }
}
