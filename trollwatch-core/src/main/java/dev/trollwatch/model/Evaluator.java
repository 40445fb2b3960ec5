package dev.trollwatch.model;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Label;
import java.util.List;

/** Scores labelled rows with a portable tree, each row counting once (class weights do not apply). */
public final class Evaluator {
    private Evaluator() {
    }

    public static ConfusionMatrix evaluate(DecisionTree tree, List<FeatureRow> rows) {
        ConfusionMatrix m = ConfusionMatrix.empty();
        for (FeatureRow r : rows) {
            m.add(r.label(), tree.leafFor(r.values()).predicted());
        }
        return m;
    }

    /** Appends each row's class probabilities and true class, for a {@link ReviewBudget}. */
    public static void score(DecisionTree tree, List<FeatureRow> rows, List<double[]> probabilities, List<Label> truth) {
        for (FeatureRow r : rows) {
            probabilities.add(tree.leafFor(r.values()).probabilities());
            truth.add(r.label());
        }
    }

    /** The review budget of this tree on these rows. */
    public static ReviewBudget reviewBudget(DecisionTree tree, List<FeatureRow> rows) {
        List<double[]> p = new java.util.ArrayList<>(rows.size());
        List<Label> truth = new java.util.ArrayList<>(rows.size());
        score(tree, rows, p, truth);
        return ReviewBudget.of(p, truth);
    }
}
