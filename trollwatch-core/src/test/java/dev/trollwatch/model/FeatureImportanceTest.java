package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureImportanceTest {
    @Test
    void gainImportanceFollowsItsDefinitionOnAHandBuiltTree() {
        // Root on feature 6 splits weights (10,10,0) into (10,0,0) and (0,10,0): gain 20 bits; nothing else.
        DecisionTree t = new DecisionTree(new DecisionTree.Split(6, 5,
                new DecisionTree.Leaf(new double[] {10, 0, 0}, new long[] {4, 0, 0}),
                new DecisionTree.Split(2, 1,
                        new DecisionTree.Leaf(new double[] {0, 5, 0}, new long[] {0, 5, 0}),
                        new DecisionTree.Leaf(new double[] {0, 5, 0}, new long[] {0, 5, 0}))));
        List<FeatureImportance.Entry> imp = FeatureImportance.of(t);
        assertEquals(20, imp.size());
        assertEquals("recent_num_comments", imp.get(0).feature());
        assertEquals(1.0, imp.get(0).importance(), 1e-12);
        assertEquals(0.0, imp.get(1).importance());
    }

    @Test
    void importancesOfATrainedTreeSumToOneAndUnusedFeaturesAreZero() {
        List<FeatureRow> rows = SyntheticFeatures.generate(4000, 2);
        DecisionTree tree = Trainer.train(rows, LearnerParams.DEFAULT).tree();
        List<FeatureImportance.Entry> imp = FeatureImportance.of(tree);
        assertEquals(1.0, imp.stream().mapToDouble(FeatureImportance.Entry::importance).sum(), 1e-9);
        java.util.Set<String> used = new java.util.HashSet<>();
        collect(tree.root(), used);
        for (FeatureImportance.Entry e : imp) {
            assertEquals(used.contains(e.feature()), e.importance() > 0, e.feature());
        }
        for (int i = 1; i < imp.size(); i++) {
            assertTrue(imp.get(i - 1).importance() >= imp.get(i).importance());
        }
    }

    @Test
    void permutationImportanceIsSeededAndZeroForUnusedFeatures() {
        List<FeatureRow> rows = SyntheticFeatures.generate(3000, 2);
        DecisionTree tree = Trainer.train(rows, LearnerParams.DEFAULT).tree();
        List<PermutationImportance.Entry> a = PermutationImportance.of(tree, rows, 3, 16);
        assertEquals(a, PermutationImportance.of(tree, rows, 3, 16));
        java.util.Set<String> used = new java.util.HashSet<>();
        collect(tree.root(), used);
        for (PermutationImportance.Entry e : a) {
            if (!used.contains(e.feature())) {
                assertEquals(0.0, e.importance(), e.feature());
            }
        }
        assertTrue(a.get(0).importance() > 0);
    }

    private static void collect(DecisionTree.Node n, java.util.Set<String> out) {
        if (n instanceof DecisionTree.Split s) {
            out.add(FeatureSchema.NAMES.get(s.feature()));
            collect(s.left(), out);
            collect(s.right(), out);
        }
    }
}
