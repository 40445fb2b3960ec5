package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureRow;
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
        WekaEnvironment.configure();
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
    void leafWeightsAreTheWeightedTrainingDistribution() {
        Trainer.Result r = Trainer.train(rows, LearnerParams.DEFAULT);
        for (DecisionTree.Leaf leaf : r.tree().leaves()) {
            for (int c = 0; c < 3; c++) {
                double expected = leaf.rows()[c] * ClassWeights.DEFAULT.of(dev.trollwatch.features.Label.values()[c]);
                assertEquals(expected, leaf.weights()[c], 1e-6);
            }
        }
    }
}
