package dev.trollwatch.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelIdentity;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.TrainedModel;
import dev.trollwatch.modelio.sklearn.ImportedModel;
import dev.trollwatch.modelio.sklearn.SklearnFixtures;
import dev.trollwatch.modelio.sklearn.SklearnTreeImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imported scikit-learn trees written as .json and .onnx score as scikit-learn did, in trollwatch and ONNX Runtime. */
class ImportedSklearnModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void jsonOnnxAndOnnxRuntimeAllGiveScikitLearnsPredictions() throws Exception {
        for (SklearnFixtures.Case c : SklearnFixtures.cases()) {
            ImportedModel imported = SklearnTreeImporter.read(SklearnFixtures.path(c.pickle()), null, "t", "now");
            Path base = dir.resolve(c.pickle().replace(".pkl", ""));
            ModelFiles.saveAll(base, new TrainedModel(null, null, imported.tree(), imported.info()));
            assertFalse(Files.exists(Path.of(base + ".model")), "no Weka file for a CART tree");
            ScoringModel json = ModelFiles.load(Path.of(base + ".json"));
            ScoringModel onnx = ModelFiles.load(Path.of(base + ".onnx"));
            assertEquals(imported.info().modelId(), json.modelId());
            assertEquals(imported.info().modelId(), onnx.modelId());
            assertEquals(json.modelId(), ModelIdentity.modelId(json.tree(), json.info().params()), "id recomputes");
            try (OnnxRuntimeScorer ort = new OnnxRuntimeScorer(Files.readAllBytes(Path.of(base + ".onnx")))) {
                Prediction[] runtime = ort.score(c.rows());
                for (int i = 0; i < c.rows().length; i++) {
                    String where = c.pickle() + " row " + i;
                    Prediction j = json.score(c.rows()[i]);
                    assertEquals(c.predicted()[i], j.label(), where + " (json)");
                    assertArrayEquals(c.probabilities()[i], j.probabilities(), 1e-12, where + " (json)");
                    Prediction o = onnx.score(c.rows()[i]);
                    assertEquals(c.predicted()[i], o.label(), where + " (onnx read by trollwatch)");
                    assertArrayEquals(c.probabilities()[i], o.probabilities(), 1e-6, where);
                    assertEquals(c.predicted()[i], runtime[i].label(), where + " (ONNX Runtime)");
                    assertArrayEquals(c.probabilities()[i], runtime[i].probabilities(), 1e-6, where + " (ONNX Runtime)");
                }
            }
        }
    }

    @Test
    void theJsonFileSaysHowItCompares() throws Exception {
        ImportedModel m = SklearnTreeImporter.read(SklearnFixtures.path("depth1-p3.pkl"), null, "t", "now");
        JsonNode root = JsonModelFile.toJson(m.tree(), m.info());
        assertEquals(2, root.get("format_version").asInt(), "a float32 tree needs format version 2");
        assertEquals("float32", root.get("tree").get("feature_precision").asText());
        assertEquals("scikit-learn CART, imported", root.get("training_params").get("learner").asText());
        // trollwatch's own trees keep format version 1 and no precision field
        JsonNode own = JsonModelFile.toJson(TestTrees.depthTwo(), TestTrees.info("x"));
        assertEquals(1, own.get("format_version").asInt());
        assertFalse(own.get("tree").has("feature_precision"));
        assertEquals(DecisionTree.FeaturePrecision.FLOAT64,
                JsonModelFile.read(new java.io.ByteArrayInputStream(own.toString().getBytes()), "own").tree().precision());
    }

    @Test
    void onnxThresholdsOfFloat32TreesDecideExactlyLikeTheDoubleThreshold() {
        Random rnd = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            float a = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(12) - 4));
            float b = Math.nextUp(a);
            // thresholds sklearn makes (midpoints), floats themselves, and doubles next to both
            double[] thresholds = {a / 2.0 + b / 2.0, a, Math.nextUp((double) a), Math.nextDown((double) a),
                Math.nextDown(a / 2.0 + b / 2.0)};
            for (double t : thresholds) {
                float t32 = OnnxModelFile.onnxThreshold(t, DecisionTree.FeaturePrecision.FLOAT32);
                assertTrue(t32 <= t, "stored threshold must not exceed " + t);
                for (float x : new float[] {a, b, Math.nextDown(a), Math.nextUp(b), t32, Math.nextUp(t32)}) {
                    assertEquals((double) x <= t, x <= t32, "x=" + x + " t=" + t + " t32=" + t32);
                }
            }
        }
        // a double-precision tree keeps the nearest float (its documented caveat)
        assertEquals(0.3f, OnnxModelFile.onnxThreshold(0.3, DecisionTree.FeaturePrecision.FLOAT64));
        assertEquals(Math.nextDown(0.3f), OnnxModelFile.onnxThreshold(0.3, DecisionTree.FeaturePrecision.FLOAT32),
                "0.3f is above 0.3");
    }
}
