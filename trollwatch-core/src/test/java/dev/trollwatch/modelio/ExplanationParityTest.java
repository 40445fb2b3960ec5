package dev.trollwatch.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.io.table.ExplanationJson;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.ThresholdPrecision;
import dev.trollwatch.model.explain.Explainer;
import dev.trollwatch.model.explain.Explanation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trained model saved as .json, .onnx and .model and loaded back gives the same explanation,
 * byte for byte as JSON, for every row of a generated dump; each explanation agrees with its own
 * model's score, and with what the real ONNX Runtime predicts from the .onnx file.
 */
class ExplanationParityTest {
    @TempDir
    Path dir;

    @Test
    void jsonOnnxAndWekaFilesExplainEveryRowIdentically() throws Exception {
        List<FeatureRow> rows = TrainedFixtures.features(TrainedFixtures.comments(3000, 8080));
        Path base = dir.resolve("explained");
        ModelFiles.saveAll(base, TrainedFixtures.train(rows, "e".repeat(64)));
        ScoringModel json = ModelFiles.load(Path.of(base + ModelFiles.JSON));
        ScoringModel onnx = ModelFiles.load(Path.of(base + ".onnx"));
        ScoringModel weka = ModelFiles.load(Path.of(base + ModelFiles.WEKA));
        assertEquals(ThresholdPrecision.FLOAT32, onnx.precision(), "the .onnx model still compares as ONNX Runtime does");
        double[][] vectors = rows.stream().map(FeatureRow::values).toArray(double[][]::new);
        Prediction[] runtime;
        try (OnnxRuntimeScorer ort = new OnnxRuntimeScorer(Files.readAllBytes(Path.of(base + ".onnx")))) {
            runtime = ort.score(vectors);
        }
        Set<Integer> leaves = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String where = "row " + i + " (" + rows.get(i).author() + ")";
            Explanation fromJson = Explainer.explain(json, vectors[i]);
            String expected = ExplanationJson.of(fromJson).toString();
            assertEquals(expected, ExplanationJson.of(Explainer.explain(onnx, vectors[i])).toString(), ".onnx vs .json, " + where);
            assertEquals(expected, ExplanationJson.of(Explainer.explain(weka, vectors[i])).toString(), ".model vs .json, " + where);
            for (ScoringModel m : List.of(json, onnx, weka)) {
                Prediction p = m.score(vectors[i]);
                Explanation e = Explainer.explain(m, vectors[i]);
                assertEquals(p.label(), e.predicted(), where);
                assertArrayEquals(p.probabilities(), e.probabilities(), 0.0, where);
            }
            assertEquals(runtime[i].label(), fromJson.predicted(), "ONNX Runtime, " + where);
            assertTrue(fromJson.support().totalRows() > 0, "the leaf's training rows survive every format, " + where);
            leaves.add(fromJson.leafIndex());
        }
        assertTrue(leaves.size() >= 3, "rows reach " + leaves.size() + " leaves");
    }
}
