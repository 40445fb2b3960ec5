package dev.trollwatch.model;

import dev.trollwatch.features.FeatureRow;
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
}
