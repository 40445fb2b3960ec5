package dev.trollwatch.model;

import java.util.List;

/** Evaluates an existing model's tree (from any model file format) on prepared, labelled rows (unweighted), with optional permutation importance. */
public final class ModelEvaluation {
    private ModelEvaluation() {
    }

    /**
     * @param permutationRepeats 0 = no permutation importance
     * @throws dev.trollwatch.TrollwatchException when there are no rows
     */
    public static EvaluationResult evaluate(DecisionTree tree, PreparedData data, int permutationRepeats, long seed) {
        if (data.rows().isEmpty()) {
            throw new dev.trollwatch.TrollwatchException("the evaluation set is empty: no labelled rows to evaluate on");
        }
        ConfusionMatrix m = Evaluator.evaluate(tree, data.rows());
        List<PermutationImportance.Entry> perm = permutationRepeats > 0
                ? PermutationImportance.of(tree, data.rows(), permutationRepeats, seed)
                : List.of();
        return new EvaluationResult(m, FeatureImportance.of(tree), perm, null, Evaluator.reviewBudget(tree, data.rows()));
    }
}
