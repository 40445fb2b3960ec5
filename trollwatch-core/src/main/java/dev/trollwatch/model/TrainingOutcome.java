package dev.trollwatch.model;

import dev.trollwatch.features.Label;
import java.util.Map;

/**
 * The result of {@link TrainingRun}: the model to save and how it did.
 *
 * @param trainRows rows per class the saved model was trained on
 * @param testRows  rows per class evaluated (all rows, out of fold, in cross-validation)
 * @param params    the training parameters as recorded in model and metrics files
 */
public record TrainingOutcome(TrainedModel model, EvaluationResult evaluation, Map<Label, Long> trainRows,
        Map<Label, Long> testRows, Map<String, Object> params) {
}
