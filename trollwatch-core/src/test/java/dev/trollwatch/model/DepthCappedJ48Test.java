package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.InvalidParameterException;
import dev.trollwatch.TestResources;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import weka.classifiers.trees.J48;
import weka.core.Instances;

class DepthCappedJ48Test {
    private static List<FeatureRow> rows;
    private static Instances weighted;

    @BeforeAll
    static void data() {
        rows = SyntheticFeatures.generate(6000, 7);
        weighted = WekaData.weighted(rows, ClassWeights.DEFAULT);
    }

    @Test
    void withoutCapAndRowRuleItIsStockJ48() throws Exception {
        J48 stock = new J48();
        stock.setOptions(new String[] {"-C", "0.25", "-M", "2"});
        stock.buildClassifier(new Instances(weighted));
        DepthCappedJ48 ours = DepthCappedJ48.of(new LearnerParams(0, 0, 0.25, false, ClassWeights.DEFAULT));
        ours.buildClassifier(new Instances(weighted));

        assertEquals(stock.toString(), ours.toString());
        assertTrue(ours.measureNumLeaves() > 8, "the uncapped tree should be deep: " + ours.measureNumLeaves());
        for (int i = 0; i < weighted.numInstances(); i++) {
            assertEquals(stock.classifyInstance(weighted.instance(i)), ours.classifyInstance(weighted.instance(i)), "row " + i);
        }
    }

    @Test
    void ownSplitSearchWithATrivialRowRuleChoosesExactlyWhatStockJ48Chooses() throws Exception {
        // min leaf 1 row constrains nothing J48 does not already constrain, so the row-aware
        // search (written from C4.5's definition) must grow J48's very tree, split for split.
        List<Instances> datasets = List.of(weighted,
                WekaData.weighted(SyntheticFeatures.generate(20_000, 99), new ClassWeights(1, 1, 1)),
                WekaData.weighted(golden(), ClassWeights.DEFAULT));
        for (Instances data : datasets) {
            for (String[] opts : List.of(new String[] {"-C", "0.25", "-M", "2"}, new String[] {"-U", "-M", "2"},
                    new String[] {"-C", "0.1", "-M", "2"})) {
                J48 stock = new J48();
                stock.setOptions(opts.clone());
                stock.buildClassifier(new Instances(data));
                boolean unpruned = opts[0].equals("-U");
                double cf = unpruned ? 0.25 : Double.parseDouble(opts[1]);
                DepthCappedJ48 ours = DepthCappedJ48.of(new LearnerParams(0, 1, cf, unpruned, ClassWeights.DEFAULT));
                ours.buildClassifier(new Instances(data));
                String expected = stock.toString().replaceFirst("^J48 ", "J48 (max depth unlimited, min leaf rows 1) ");
                assertEquals(expected, ours.toString(), String.join(" ", opts));
            }
        }
    }

    private static List<FeatureRow> golden() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("golden");
        java.nio.file.Path p = TestResources.copy("/features/parity-sample.features.csv.gz", dir);
        try {
            return dev.trollwatch.io.table.FeaturesCsvReader.readAll(p);
        } finally {
            java.nio.file.Files.deleteIfExists(p);
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    @Test
    void unprunedWithoutCapIsStockUnprunedJ48() throws Exception {
        J48 stock = new J48();
        stock.setOptions(new String[] {"-U", "-M", "2"});
        stock.buildClassifier(new Instances(weighted));
        DepthCappedJ48 ours = DepthCappedJ48.of(new LearnerParams(0, 0, 0.25, true, ClassWeights.DEFAULT));
        ours.buildClassifier(new Instances(weighted));
        assertEquals(stock.toString(), ours.toString());
    }

    @Test
    void portableTreePredictsLikeWeka() throws Exception {
        for (LearnerParams p : List.of(LearnerParams.DEFAULT, new LearnerParams(0, 0, 0.25, false, ClassWeights.DEFAULT),
                new LearnerParams(5, 30, 0.1, false, ClassWeights.DEFAULT))) {
            Trainer.Result r = Trainer.train(rows, p);
            for (int i = 0; i < weighted.numInstances(); i++) {
                assertEquals((int) r.classifier().classifyInstance(weighted.instance(i)),
                        r.tree().leafFor(rows.get(i).values()).predicted().ordinal(), p + " row " + i);
            }
        }
    }

    @Test
    void anUnlimitedTreeStopsAtTheDeepestAModelFileHolds() throws Exception {
        // 120 runs of 25 rows along one feature, normal and troll in turn: C4.5's best split always
        // cuts off one end run, so the unlimited unpruned tree is a chain 120 deep without the cap.
        List<FeatureRow> chain = new java.util.ArrayList<>();
        int score = FeatureSchema.indexOf("recent_avg_score");
        for (int i = 0; i < 120 * 25; i++) {
            double[] v = new double[FeatureSchema.SIZE];
            v[score] = i;
            chain.add(new FeatureRow("u" + i, "t3_x", 1_500_000_000L + i, v, (i / 25) % 2 == 0 ? Label.NORMAL : Label.TROLL));
        }
        for (int i = 0; i < 200; i++) {
            double[] v = new double[FeatureSchema.SIZE];
            v[score] = -1000 - i;
            chain.add(new FeatureRow("b" + i, "t3_y", 1_400_000_000L + i, v, Label.BOT));
        }
        DecisionTree tree = Trainer.train(chain, new LearnerParams(0, 0, 0.25, true, ClassWeights.DEFAULT)).tree();
        assertEquals(DecisionTree.MAX_DEPTH, tree.depth());
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> new LearnerParams(DecisionTree.MAX_DEPTH + 1, 0, 0.25, true, ClassWeights.DEFAULT));
        assertTrue(e.getMessage().contains("0..64"), e.getMessage());
    }

    @Test
    void leafWeightsAreTheWeightedTrainingDistribution() {
        Trainer.Result r = Trainer.train(rows, LearnerParams.DEFAULT);
        for (DecisionTree.Leaf leaf : r.tree().leaves()) {
            for (int c = 0; c < 3; c++) {
                double expected = leaf.rows()[c] * ClassWeights.DEFAULT.of(dev.trollwatch.features.Label.values()[c]);
                assertEquals(expected, leaf.weights()[c], 1e-6);
            }
        }
    }

    @Test
    void onlyTheRatiosOfTheClassWeightsMatter() {
        // Found by probing: weights 1e-3/2.5e-3/5e-3 trained one leaf (J48's minimum of 2 per branch
        // counts summed weight), where 1/2.5/5 trains the article's tree.
        String reference = shape(Trainer.train(rows, LearnerParams.DEFAULT).tree());
        assertTrue(reference.split(";").length > 2, reference);
        for (double scale : new double[] {1e-3, 1e-6, 1e6}) {
            LearnerParams scaled = new LearnerParams(3, 100, 0.25, false, new ClassWeights(2.5 * scale, scale, 5 * scale));
            assertEquals(ClassWeights.DEFAULT, scaled.weights(), "recorded with the smallest weight 1");
            assertEquals(reference, shape(Trainer.train(rows, scaled).tree()), "scale " + scale);
        }
    }

    /** Depth and each leaf's training rows per class, in order: equal for the same tree. */
    private static String shape(DecisionTree tree) {
        StringBuilder sb = new StringBuilder("depth " + tree.depth());
        for (DecisionTree.Leaf leaf : tree.leaves()) {
            sb.append(';').append(java.util.Arrays.toString(leaf.rows()));
        }
        return sb.toString();
    }
}
