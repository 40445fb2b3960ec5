package dev.trollwatch.modelio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.TrainedModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One metadata schema, one compatibility check and one tree validation for .model, .json and .onnx alike. */
class ModelCheckTest {
    private static final List<String> FORMATS = List.of(ModelFiles.WEKA, ModelFiles.JSON, ModelFiles.ONNX);
    private static TrainedModel trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        trained = TrainedFixtures.train(TrainedFixtures.features(TrainedFixtures.comments(3000, 7)), "cd".repeat(32));
    }

    private static ModelInfo withFeaturizerVersion(ModelInfo i, int version) {
        return new ModelInfo(i.modelId(), i.toolVersion(), version, i.featureNames(), i.classWeights(), i.params(),
                i.metrics(), i.dataSha256(), i.trainingRows(), i.createdAt());
    }

    @Test
    void everyFormatDecodesTheSameMetadata() throws IOException {
        ModelFiles.saveAll(dir.resolve("m"), trained);
        ModelInfo json = ModelFiles.load(dir.resolve("m.json")).info();
        assertEquals(json, ModelFiles.load(dir.resolve("m.model")).info());
        assertEquals(json, ModelFiles.load(dir.resolve("m.onnx")).info());
        assertEquals("cd".repeat(32), json.dataSha256());
        assertTrue(json.params().containsKey("max_depth"), json.params().toString());
    }

    @Test
    void everyFormatRefusesAnotherFeaturizerVersion() throws IOException {
        int other = FeatureSchema.FEATURIZER_VERSION + 1;
        TrainedModel stale = new TrainedModel(trained.classifier(), trained.header(), trained.tree(),
                withFeaturizerVersion(trained.info(), other));
        ModelFiles.saveAll(dir.resolve("stale"), stale);
        for (String ext : FORMATS) {
            Path file = dir.resolve("stale" + ext);
            MalformedModelException e = assertThrows(MalformedModelException.class, () -> ModelFiles.load(file), ext);
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("featurizer version " + other + ", this trollwatch computes version "
                    + FeatureSchema.FEATURIZER_VERSION), e.getMessage());
        }
    }

    @Test
    void treeValidationNamesTheNodeAndTheProblem() {
        DecisionTree nanThreshold = new DecisionTree(new DecisionTree.Split(0, Double.NaN,
                TestTrees.leaf(1, 2, 3, 1, 2, 3), TestTrees.leaf(3, 2, 1, 3, 2, 1)));
        DecisionTree badFeature = new DecisionTree(new DecisionTree.Split(FeatureSchema.SIZE, 0.5,
                TestTrees.leaf(1, 2, 3, 1, 2, 3), TestTrees.leaf(3, 2, 1, 3, 2, 1)));
        DecisionTree negativeWeight = new DecisionTree(new DecisionTree.Split(0, 0.5,
                TestTrees.leaf(1, 2, 3, 1, 2, 3), TestTrees.leaf(3, -2, 1, 3, 2, 1)));
        DecisionTree infiniteWeight = new DecisionTree(TestTrees.leaf(1, Double.POSITIVE_INFINITY, 3, 1, 2, 3));
        DecisionTree twoClasses = new DecisionTree(new DecisionTree.Leaf(new double[] {1, 2}, new long[] {1, 2}));
        DecisionTree negativeRows = new DecisionTree(TestTrees.leaf(1, 2, 3, 1, -2, 3));
        assertInvalid(nanThreshold, "tree node 0: threshold NaN is not a finite number");
        assertInvalid(badFeature, "tree node 0: feature index " + FeatureSchema.SIZE + " is not 0..");
        assertInvalid(negativeWeight, "tree node 2: weight of class normal is -2.0");
        assertInvalid(infiniteWeight, "tree node 0: weight of class normal is Infinity");
        assertInvalid(twoClasses, "tree node 0: a leaf needs one weight and one row count for each of the 3 classes");
        assertInvalid(negativeRows, "tree node 0: row count of class normal is -2");
        ModelCheck.validTree(TestTrees.depthTwo(), "ok.json"); // a sound tree passes
    }

    private static void assertInvalid(DecisionTree tree, String expected) {
        MalformedModelException e = assertThrows(MalformedModelException.class, () -> ModelCheck.validTree(tree, "m.onnx"));
        assertTrue(e.getMessage().startsWith("m.onnx: " + expected), e.getMessage());
    }

    @Test
    void anOnnxFileWithANegativeLeafWeightIsRefusedOnLoad() throws IOException {
        DecisionTree bad = new DecisionTree(new DecisionTree.Split(TestTrees.KARMA, 10.0,
                TestTrees.leaf(1, 2, 3, 1, 2, 3), TestTrees.leaf(3, -2, 1, 3, 2, 1)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OnnxModelFile.write(bytes, bad, TestTrees.info("neg"));
        MalformedModelException e = assertThrows(MalformedModelException.class,
                () -> OnnxModelFile.read(bytes.toByteArray(), "neg.onnx"));
        assertTrue(e.getMessage().startsWith("neg.onnx: tree node 2: weight of class normal is -"), e.getMessage());
    }
}
