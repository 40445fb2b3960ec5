package dev.trollwatch.model;

import java.util.List;

/**
 * What an evaluation found.
 *
 * @param matrix      confusion matrix over unweighted test rows (pooled over folds in cross-validation)
 * @param importance  gain-based importance of the evaluated model's tree
 * @param permutation permutation importance on the test rows; empty when not asked for
 * @param cv          per-fold metrics, or null when there was no cross-validation
 * @param budget      the moderators' review budget over the same rows (out of fold in cross-validation)
 */
public record EvaluationResult(ConfusionMatrix matrix, List<FeatureImportance.Entry> importance,
        List<PermutationImportance.Entry> permutation, CrossValidationSummary cv, ReviewBudget budget) {
}
