package dev.trollwatch.modelio;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.io.file.AtomicOutput;
import dev.trollwatch.io.table.PredictionsCsvWriter;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.ThresholdPrecision;
import dev.trollwatch.model.TrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the model file set kept under {@code src/test/resources/modelio/v1/} (run once per file
 * format version, never to refresh a failing test): {@code trollwatch.model/.json/.onnx} trained on
 * 6,000 generated comments (seed 2019), and {@code expected-predictions.csv}: 1,000 other
 * generated comments with their features and what this version predicts for them.
 *
 * <pre>java -cp target/test-classes:target/classes:DEPS dev.trollwatch.modelio.ModelFixtureWriter DIR</pre>
 */
public final class ModelFixtureWriter {
    private ModelFixtureWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        List<FeatureRow> training = TrainedFixtures.features(TrainedFixtures.comments(6000, 2019));
        TrainedModel model = ModelFiles.saveAll(dir.resolve("trollwatch"), TrainedFixtures.train(training, "0".repeat(64)));
        ScoringModel scoring = new ScoringModel(model.tree(), ModelId.ensure(model.tree(), model.info()), ThresholdPrecision.DOUBLE);
        List<FeatureRow> other = TrainedFixtures.features(TrainedFixtures.comments(1000, 7));
        try (AtomicOutput out = AtomicOutput.create(dir.resolve("expected-predictions.csv"))) {
            PredictionsCsvWriter w = new PredictionsCsvWriter(out.stream(), true, null);
            for (FeatureRow r : other) {
                Prediction p = scoring.score(r.values());
                w.write(r, p.label(), p.probabilities());
            }
            w.flush();
            out.commit();
        }
        System.out.println("model " + model.info().modelId() + " written to " + dir);
    }
}
