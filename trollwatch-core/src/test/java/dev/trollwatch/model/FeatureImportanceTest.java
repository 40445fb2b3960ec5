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

    @Test
    void permutationImportanceEqualsShufflingTheColumnInPlaceFeatureByFeature() {
        // The definition, written the plain way (one column shuffled in the rows themselves, one
        // feature after another), on an unlimited tree that splits on many features, in both
        // comparison precisions: the parallel, non-mutating computation must give the same bits.
        List<FeatureRow> rows = SyntheticFeatures.generate(2500, 9);
        DecisionTree deep = Trainer.train(rows, new LearnerParams(0, 0, 0.25, true, ClassWeights.DEFAULT)).tree();
        for (DecisionTree tree : List.of(deep, deep.withPrecision(DecisionTree.FeaturePrecision.FLOAT32))) {
            assertEquals(inPlace(tree, rows, 7, 3), PermutationImportance.of(tree, rows, 7, 3));
        }
    }

    private static List<PermutationImportance.Entry> inPlace(DecisionTree tree, List<FeatureRow> rows, int repeats, long seed) {
        int n = rows.size();
        double base = Evaluator.evaluate(tree, rows).accuracy();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = rows.get(i).values().clone();
        }
        List<PermutationImportance.Entry> out = new java.util.ArrayList<>();
        for (int f = 0; f < FeatureSchema.SIZE; f++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = x[i][f];
            }
            double[] drops = new double[repeats];
            for (int k = 0; k < repeats; k++) {
                int[] perm = java.util.stream.IntStream.range(0, n).toArray();
                new SeededRandom(seed + 1000L * f + k).shuffle(perm);
                long correct = 0;
                for (int i = 0; i < n; i++) {
                    x[i][f] = column[perm[i]];
                    correct += tree.leafFor(x[i]).predicted() == rows.get(i).label() ? 1 : 0;
                }
                drops[k] = base - (double) correct / n;
            }
            for (int i = 0; i < n; i++) {
                x[i][f] = column[i];
            }
            out.add(new PermutationImportance.Entry(FeatureSchema.NAMES.get(f), Stats.mean(drops), Stats.sd(drops)));
        }
        out.sort(java.util.Comparator.comparingDouble((PermutationImportance.Entry e) -> -e.importance())
                .thenComparingInt(e -> FeatureSchema.indexOf(e.feature())));
        return out;
    }

    private static void collect(DecisionTree.Node n, java.util.Set<String> out) {
        if (n instanceof DecisionTree.Split s) {
            out.add(FeatureSchema.NAMES.get(s.feature()));
            collect(s.left(), out);
            collect(s.right(), out);
        }
    }
}
