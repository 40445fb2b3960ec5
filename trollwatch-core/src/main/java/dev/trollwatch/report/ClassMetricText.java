package dev.trollwatch.report;

import dev.trollwatch.features.Label;
import dev.trollwatch.model.ConfusionMatrix;

/**
 * A class's precision, recall and F1 as the report prints them: "n/a" where the metric divides by
 * no rows. The model layer follows scikit-learn and calls such a value 0, which reads like a
 * failure of the model rather than a class absent from the data.
 */
final class ClassMetricText {
    static final String NOT_APPLICABLE = "n/a";

    private ClassMetricText() {
    }

    /** Undefined when nothing was predicted as {@code l}. */
    static boolean precisionUndefined(ConfusionMatrix m, Label l) {
        return m.predicted(l) == 0;
    }

    /** Undefined, and so is F1, when no evaluated row is truly {@code l}. */
    static boolean recallUndefined(ConfusionMatrix m, Label l) {
        return m.support(l) == 0;
    }

    static String precision(ConfusionMatrix m, Label l) {
        return precisionUndefined(m, l) ? NOT_APPLICABLE : Html.fixed(m.precision(l), 4);
    }

    static String recall(ConfusionMatrix m, Label l) {
        return recallUndefined(m, l) ? NOT_APPLICABLE : Html.fixed(m.recall(l), 4);
    }

    static String f1(ConfusionMatrix m, Label l) {
        return recallUndefined(m, l) ? NOT_APPLICABLE : Html.fixed(m.f1(l), 4);
    }

    /**
     * A sentence for the classes with an undefined metric, saying the macro averages count it as 0;
     * empty when every metric is defined.
     */
    static String note(ConfusionMatrix m) {
        StringBuilder sb = new StringBuilder();
        for (Label l : Label.values()) {
            if (recallUndefined(m, l)) {
                sb.append("No evaluated row is truly ").append(l.text()).append(": its recall and F1 are n/a. ");
            }
            if (precisionUndefined(m, l)) {
                sb.append("No row was predicted as ").append(l.text()).append(": its precision is n/a. ");
            }
        }
        if (sb.length() == 0) {
            return "";
        }
        return sb.append("The macro averages count an n/a as 0, as scikit-learn does (and the metrics JSON records 0).").toString();
    }
}
