package dev.trollwatch.modelio;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Label;
import dev.trollwatch.features.ParallelFeaturizer;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.dump.OutputFormat;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.TrainedModel;
import dev.trollwatch.model.WekaData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instance;
import weka.core.Instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three model files of one trained model — the JSON scorer, the ONNX file run by the real ONNX
 * Runtime, and Weka's own J48 from the .model file — give identical predictions (probabilities
 * within 1e-6) on every row of a generated 20,000-row dump, read and featurized as predict does.
 */
class ModelParityTest {
    private static final int ROWS = 20_000;

    @TempDir
    static Path dir;

    private static List<FeatureRow> rows;
    private static Path base;

    @BeforeAll
    static void trainAndSave() throws Exception {
        Path dump = dir.resolve("dump.csv.gz");
        DumpFixtures.writeDump(dump, OutputFormat.CSV, TrainedFixtures.comments(ROWS, 20_000));
        rows = new ArrayList<>();
        try (CommentReader reader = DumpFixtures.open(dump, null, ErrorPolicy.FAIL);
             ParallelFeaturizer featurizer = new ParallelFeaturizer(TrainedFixtures.featurizer(), 2)) {
            featurizer.run(reader, rows::add);
        }
        assertEquals(ROWS, rows.size());
        base = dir.resolve("parity");
        ModelFiles.saveAll(base, TrainedFixtures.train(rows, "f".repeat(64)));
    }

    @Test
    void jsonScorerOnnxRuntimeAndWekaGiveIdenticalPredictionsOnEveryRow() throws Exception {
        ScoringModel json = ModelFiles.load(sibling(".json"));
        TrainedModel weka = WekaModelFile.load(sibling(".model"));
        Instances header = weka.header();
        double[][] vectors = rows.stream().map(FeatureRow::values).toArray(double[][]::new);
        Prediction[] onnx;
        try (OnnxRuntimeScorer ort = new OnnxRuntimeScorer(Files.readAllBytes(sibling(".onnx")))) {
            onnx = ort.score(vectors);
        }
        int leavesSeen = (int) rows.stream().map(r -> json.leafFor(r.values())).distinct().count();
        assertTrue(leavesSeen >= 4, "the rows exercise the tree: " + leavesSeen + " leaves reached");
        for (int i = 0; i < rows.size(); i++) {
            Prediction p = json.score(vectors[i]);
            Instance inst = WekaData.instance(rows.get(i), 1.0);
            inst.setDataset(header);
            double[] w = weka.classifier().distributionForInstance(inst);
            Label wekaLabel = Label.values()[(int) weka.classifier().classifyInstance(inst)];
            String where = "row " + i + " (" + rows.get(i).author() + ")";
            assertEquals(wekaLabel, p.label(), "JSON vs Weka, " + where);
            assertEquals(p.label(), onnx[i].label(), "JSON vs ONNX Runtime, " + where);
            for (int c = 0; c < 3; c++) {
                assertEquals(w[c], p.probabilities()[c], 1e-12, "JSON vs Weka probability, " + where);
                assertEquals(p.probabilities()[c], onnx[i].probabilities()[c], 1e-6, "JSON vs ONNX probability, " + where);
            }
        }
    }

    @Test
    void onnxFileScoredByTrollwatchMatchesOnnxRuntimeOnEveryRow() throws Exception {
        ScoringModel decoded = ModelFiles.load(sibling(".onnx"));
        double[][] vectors = rows.stream().map(FeatureRow::values).toArray(double[][]::new);
        try (OnnxRuntimeScorer ort = new OnnxRuntimeScorer(Files.readAllBytes(sibling(".onnx")))) {
            Prediction[] onnx = ort.score(vectors);
            for (int i = 0; i < vectors.length; i++) {
                Prediction p = decoded.score(vectors[i]);
                assertEquals(onnx[i].label(), p.label(), "row " + i);
                for (int c = 0; c < 3; c++) {
                    assertEquals(onnx[i].probabilities()[c], p.probabilities()[c], 1e-6, "row " + i);
                }
            }
        }
    }

    @Test
    void everyFileRecordsTheSameModelId() throws Exception {
        String id = ModelFiles.load(sibling(".json")).modelId();
        assertEquals(id, ModelFiles.load(sibling(".model")).modelId());
        try (OnnxRuntimeScorer ort = new OnnxRuntimeScorer(Files.readAllBytes(sibling(".onnx")))) {
            assertEquals(id, ort.metadata().get("model_id"));
        }
    }

    private static Path sibling(String ext) {
        return base.resolveSibling(base.getFileName() + ext);
    }
}
