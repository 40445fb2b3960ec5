package dev.trollwatch.modelio;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.ThresholdPrecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxModelFileTest {
    @TempDir
    Path dir;

    @Test
    void onnxRuntimeGivesTheJsonScorersPredictionsOnRandomTrees() throws Exception {
        Random rnd = new Random(11);
        for (int t = 0; t < 20; t++) {
            double[][] rows = TestTrees.randomRows(rnd, 2000);
            DecisionTree tree = TestTrees.random(rnd, 1 + t % 3, rows);
            ScoringModel json = new ScoringModel(tree, TestTrees.info("t" + t), ThresholdPrecision.DOUBLE);
            try (OnnxRuntimeScorer ort = new OnnxRuntimeScorer(OnnxModelFile.encode(tree, json.info()))) {
                Prediction[] onnx = ort.score(rows);
                for (int i = 0; i < rows.length; i++) {
                    Prediction expected = json.score(rows[i]);
                    assertEquals(expected.label(), onnx[i].label(), "tree " + t + " row " + i);
                    assertArrayEquals(expected.probabilities(), onnx[i].probabilities(), 1e-6);
                }
            }
        }
    }

    @Test
    void valuesExactlyAtAThresholdTakeTheLeftBranchInOnnxRuntime() throws Exception {
        DecisionTree tree = TestTrees.depthTwo();
        double[] atThreshold = new double[FeatureSchema.SIZE];
        atThreshold[TestTrees.MAX_DIFF] = 0.8;
        atThreshold[TestTrees.NEG_SCORE] = 25.0;
        double[] justAbove = atThreshold.clone();
        justAbove[TestTrees.NEG_SCORE] = Math.nextUp(25.0f);
        try (OnnxRuntimeScorer ort = new OnnxRuntimeScorer(OnnxModelFile.encode(tree, TestTrees.info("x")))) {
            Prediction[] p = ort.score(new double[][] {atThreshold, justAbove});
            assertEquals("normal", p[0].label().text());
            assertEquals("troll", p[1].label().text());
        }
    }

    @Test
    void metadataCarriesModelIdFeatureNamesAndVersions() throws Exception {
        try (OnnxRuntimeScorer ort = new OnnxRuntimeScorer(OnnxModelFile.encode(TestTrees.depthTwo(), TestTrees.info("feedc0de")))) {
            Map<String, String> m = ort.metadata();
            assertEquals("feedc0de", m.get("model_id"));
            assertEquals("0.1.0", m.get("tool_version"));
            assertEquals(Integer.toString(FeatureSchema.FEATURIZER_VERSION), m.get("featurizer_version"));
            assertTrue(m.get("feature_names").startsWith("[\"no_follow\",\"author_verified\""), m.get("feature_names"));
            assertEquals("[\"bot\",\"normal\",\"troll\"]", m.get("classes"));
            assertEquals("[features]", ort.session().getInputNames().toString());
            assertEquals("[label, probabilities]", ort.session().getOutputNames().toString());
            assertEquals("trollwatch", ort.session().getMetadata().getProducerName());
        }
    }

    @Test
    void thresholdsBeyondFloatRangeAreStoredAsTheLargestFloatAndTheFileLoads() throws Exception {
        // A split between karmas of 1e303 and 3e303 used to be stored as +Infinity: trollwatch
        // refused its own .onnx file, and ONNX Runtime sent every finite value left only by luck.
        int karma = FeatureSchema.indexOf("author_comment_karma");
        DecisionTree tree = new DecisionTree(new DecisionTree.Split(karma, 2.97e303,
                new DecisionTree.Split(karma, -1e303, TestTrees.leaf(1, 0, 0, 1, 0, 0), TestTrees.leaf(0, 1, 0, 0, 1, 0)),
                TestTrees.leaf(0, 0, 1, 0, 0, 1)));
        Path file = dir.resolve("huge.onnx");
        Files.write(file, OnnxModelFile.encode(tree, TestTrees.info("huge")));
        ScoringModel loaded = OnnxModelFile.read(file); // refused before: "threshold Infinity is not a finite number"
        assertEquals(Float.MAX_VALUE, OnnxModelFile.onnxThreshold(2.97e303, DecisionTree.FeaturePrecision.FLOAT64), 0.0);
        assertEquals(-Float.MAX_VALUE, OnnxModelFile.onnxThreshold(-1e303, DecisionTree.FeaturePrecision.FLOAT32), 0.0);
        ScoringModel json = new ScoringModel(tree, TestTrees.info("huge"), ThresholdPrecision.DOUBLE);
        double[][] rows = new double[4][FeatureSchema.SIZE];
        rows[0][karma] = 12_345; // every finite float keeps its branch
        rows[1][karma] = Float.MAX_VALUE;
        rows[2][karma] = -Float.MAX_VALUE / 2;
        rows[3][karma] = 1e304; // beyond float range: right, as in double precision
        try (OnnxRuntimeScorer ort = new OnnxRuntimeScorer(Files.readAllBytes(file))) {
            Prediction[] onnx = ort.score(rows);
            for (int i = 0; i < rows.length; i++) {
                assertEquals(json.score(rows[i]).label(), onnx[i].label(), "row " + i);
                assertEquals(json.score(rows[i]).label(), loaded.score(rows[i]).label(), "row " + i);
            }
        }
    }

    @Test
    void singleLeafTreeScoresInOnnxRuntime() throws Exception {
        DecisionTree tree = new DecisionTree(TestTrees.leaf(1, 3, 0, 1, 3, 0));
        try (OnnxRuntimeScorer ort = new OnnxRuntimeScorer(OnnxModelFile.encode(tree, TestTrees.info("leaf")))) {
            Prediction p = ort.score(new double[][] {new double[FeatureSchema.SIZE]})[0];
            assertEquals("normal", p.label().text());
            assertArrayEquals(new double[] {0.25, 0.75, 0}, p.probabilities(), 1e-7);
        }
    }

    @Test
    void ownOnnxFileReadsBackAndScoresLikeOnnxRuntime() throws Exception {
        Random rnd = new Random(5);
        double[][] rows = TestTrees.randomRows(rnd, 3000);
        DecisionTree tree = TestTrees.random(rnd, 3, rows);
        Path file = dir.resolve("m.onnx");
        SavedModels.save(file, out -> OnnxModelFile.write(out, tree, TestTrees.info("abc")));

        ScoringModel back = OnnxModelFile.read(file);

        assertEquals("abc", back.modelId());
        assertEquals(ThresholdPrecision.FLOAT32, back.precision());
        assertEquals(TestTrees.info("abc").params(), back.info().params());
        try (OnnxRuntimeScorer ort = new OnnxRuntimeScorer(Files.readAllBytes(file))) {
            Prediction[] onnx = ort.score(rows);
            for (int i = 0; i < rows.length; i++) {
                Prediction p = back.score(rows[i]);
                assertEquals(onnx[i].label(), p.label());
                assertArrayEquals(onnx[i].probabilities(), p.probabilities(), 1e-6);
            }
        }
    }

    @Test
    void truncatedOnnxFileIsRefusedWithTheFileName() throws Exception {
        byte[] bytes = OnnxModelFile.encode(TestTrees.depthTwo(), TestTrees.info("t"));
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        MalformedModelException e = assertThrows(MalformedModelException.class, () -> OnnxModelFile.read(cut, "cut.onnx"));
        assertTrue(e.getMessage().startsWith("cut.onnx: "), e.getMessage());
    }
}
