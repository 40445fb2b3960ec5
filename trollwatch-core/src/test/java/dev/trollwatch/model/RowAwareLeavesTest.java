package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowAwareLeavesTest {
    private static List<FeatureRow> rows;

    @BeforeAll
    static void data() {
        rows = SyntheticFeatures.generate(8000, 11);
    }

    /** Rows reaching each leaf, counted independently of the converter. */
    private static long[] rowsPerLeaf(DecisionTree tree, List<FeatureRow> data) {
        List<DecisionTree.Leaf> leaves = tree.leaves();
        long[] n = new long[leaves.size()];
        for (FeatureRow r : data) {
            DecisionTree.Leaf leaf = tree.leafFor(r.values());
            for (int i = 0; i < leaves.size(); i++) {
                if (leaves.get(i) == leaf) {
                    n[i]++;
                }
            }
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 250, 40})
    void everyLeafHasAtLeastMinLeafTrainingRows(int minLeaf) {
        for (int depth : new int[] {3, 0}) {
            Trainer.Result r = Trainer.train(rows, new LearnerParams(depth, minLeaf, 0.25, false, ClassWeights.DEFAULT));
            long[] n = rowsPerLeaf(r.tree(), rows);
            assertTrue(n.length >= 2, "expected some split, got " + n.length + " leaves");
            for (long c : n) {
                assertTrue(c >= minLeaf, "leaf with " + c + " rows < " + minLeaf + " (depth " + depth + ")");
            }
        }
    }

    @Test
    void unprunedTreesAlsoKeepTheRowRule() {
        Trainer.Result r = Trainer.train(rows, new LearnerParams(6, 100, 0.25, true, ClassWeights.DEFAULT));
        for (long c : rowsPerLeaf(r.tree(), rows)) {
            assertTrue(c >= 100, "leaf with " + c + " rows");
        }
    }

    @Test
    void stockJ48MinNumObjAloneDoesNotGuaranteeRows() {
        // Why the row rule exists: without it, weighted trolls let J48 cut small leaves.
        Trainer.Result r = Trainer.train(rows, new LearnerParams(0, 0, 0.25, false, ClassWeights.DEFAULT));
        long smallest = java.util.Arrays.stream(rowsPerLeaf(r.tree(), rows)).min().orElseThrow();
        assertTrue(smallest < 100, "expected a leaf under 100 rows without the rule, smallest " + smallest);
    }

    @Test
    void leafRowCountsEqualRowsSentDownTheTree() {
        Trainer.Result r = Trainer.train(rows, LearnerParams.DEFAULT);
        long[] n = rowsPerLeaf(r.tree(), rows);
        List<DecisionTree.Leaf> leaves = r.tree().leaves();
        long total = 0;
        for (int i = 0; i < n.length; i++) {
            assertEquals(n[i], java.util.Arrays.stream(leaves.get(i).rows()).sum());
            total += n[i];
        }
        assertEquals(rows.size(), total);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void depthNeverExceedsTheCap(int cap) {
        Trainer.Result r = Trainer.train(rows, new LearnerParams(cap, 20, 0.25, true, ClassWeights.DEFAULT));
        assertTrue(r.tree().depth() <= cap, "depth " + r.tree().depth() + " > " + cap);
        assertTrue(r.tree().depth() >= 1);
    }

    @Test
    void depthOneGivesThreeNodes() {
        Trainer.Result r = Trainer.train(rows, new LearnerParams(1, 100, 0.25, false, ClassWeights.DEFAULT));
        DecisionTree.Split root = assertInstanceOf(DecisionTree.Split.class, r.tree().root());
        assertInstanceOf(DecisionTree.Leaf.class, root.left());
        assertInstanceOf(DecisionTree.Leaf.class, root.right());
        assertEquals(3, r.classifier().measureTreeSize());
    }

    @Test
    void pureDataGivesASingleLeaf() {
        List<FeatureRow> pure = new ArrayList<>();
        for (FeatureRow r : rows) {
            if (r.label() == Label.NORMAL) {
                pure.add(r);
            }
        }
        DepthCappedJ48 j48 = DepthCappedJ48.of(LearnerParams.DEFAULT);
        DecisionTree tree = buildDirect(j48, pure);
        DecisionTree.Leaf leaf = assertInstanceOf(DecisionTree.Leaf.class, tree.root());
        assertEquals(Label.NORMAL, leaf.predicted());
        assertEquals(pure.size(), leaf.rows()[Label.NORMAL.ordinal()]);
    }

    @Test
    void nodeWithFewerThanTwiceMinLeafRowsIsNotSplit() {
        List<FeatureRow> few = rows.subList(0, 199);
        DecisionTree tree = buildDirect(DepthCappedJ48.of(LearnerParams.DEFAULT), few);
        assertInstanceOf(DecisionTree.Leaf.class, tree.root());
        DecisionTree split = buildDirect(DepthCappedJ48.of(
                new LearnerParams(3, 50, 0.25, true, ClassWeights.DEFAULT)), few);
        assertInstanceOf(DecisionTree.Split.class, split.root());
    }

    @Test
    void thresholdsAreValuesSeenInTraining() {
        Trainer.Result r = Trainer.train(rows, LearnerParams.DEFAULT);
        List<DecisionTree.Split> splits = new ArrayList<>();
        collect(r.tree().root(), splits);
        assertTrue(!splits.isEmpty());
        for (DecisionTree.Split s : splits) {
            boolean seen = rows.stream().anyMatch(x -> x.values()[s.feature()] == s.threshold());
            assertTrue(seen, FeatureSchema.NAMES.get(s.feature()) + " <= " + s.threshold() + " is not a training value");
        }
    }

    private static void collect(DecisionTree.Node n, List<DecisionTree.Split> out) {
        if (n instanceof DecisionTree.Split s) {
            out.add(s);
            collect(s.left(), out);
            collect(s.right(), out);
        }
    }

    private static DecisionTree buildDirect(DepthCappedJ48 j48, List<FeatureRow> data) {
        try {
            j48.buildClassifier(WekaData.weighted(data, ClassWeights.DEFAULT));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return WekaTreeConverter.convert(j48.root(), data);
    }
}
