package dev.trollwatch.report;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DataFacts;
import dev.trollwatch.model.DataPreparation;
import dev.trollwatch.model.LearnerParams;
import dev.trollwatch.model.PreparedData;
import dev.trollwatch.model.Provenance;
import dev.trollwatch.model.QualityGate;
import dev.trollwatch.model.SplitPlan;
import dev.trollwatch.model.TrainingOptions;
import dev.trollwatch.model.TrainingOutcome;
import dev.trollwatch.model.TrainingRun;
import dev.trollwatch.modelio.TrainedFixtures;
import java.util.List;

/**
 * A report with every section filled: a model trained on generated comments with 3-fold
 * cross-validation and permutation importance, and two quality gates (one passes, one fails).
 * Seeded, so the content is the same on every run.
 */
final class ReportFixtures {
    static final String SHA = "5e".repeat(32);
    private static TrainingOutcome outcome;
    private static PreparedData data;

    private ReportFixtures() {
    }

    static synchronized ReportContent content(String createdAt) {
        if (outcome == null) {
            List<FeatureRow> rows = TrainedFixtures.features(TrainedFixtures.comments(2000, 424242));
            data = DataPreparation.prepare(rows, true);
            TrainingOptions options = new TrainingOptions(LearnerParams.DEFAULT, new SplitPlan.CrossValidation(3), 16, true, 2);
            outcome = TrainingRun.run(data, options, new Provenance("0.1.0", SHA, "2026-11-28T00:00:00Z"));
        }
        DataFacts facts = new DataFacts("data/generated <2000> & co.csv.gz", SHA, data, outcome.trainRows(), outcome.testRows(),
                null, null);
        List<QualityGate> gates = List.of(new QualityGate(QualityGate.Metric.ACCURACY, null, 0.5),
                new QualityGate(QualityGate.Metric.MCC, null, 0.99),
                new QualityGate(QualityGate.Metric.RECALL, Label.TROLL, 0.5));
        return new ReportContent("train", "out-of-fold predictions pooled over 3 folds", facts, outcome.evaluation(),
                outcome.model().tree(), outcome.model().info(), gates, "0.1.0", createdAt);
    }
}
