package dev.trollwatch.model.explain;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.model.Numbers;

/**
 * One step of a decision path: the row's value of a feature and the side of the split's threshold
 * it went to.
 *
 * @param feature   index into {@link FeatureSchema#NAMES}
 * @param value     the row's value of that feature
 * @param left      true for {@code value <= threshold} (the left branch), false for {@code >}
 * @param threshold the split's threshold
 */
public record PathCondition(int feature, double value, boolean left, double threshold) {

    public String featureName() {
        return FeatureSchema.NAMES.get(feature);
    }

    /** {@code <=} or {@code >}, as model files and the API write comparisons. */
    public String op() {
        return left ? "<=" : ">";
    }

    /**
     * For people: {@code recent_avg_diff_ratio 0.81 > 0.349} (6 significant digits, {@code ≤} for the
     * left branch). When the value's own side is not the branch taken, the scorer compared it in
     * float32: the rounded value is shown, or a value equal to its threshold would read "0.4 > 0.4".
     */
    public String text() {
        double compared = left == (value <= threshold) ? value : (double) (float) value;
        String[] shown = Numbers.apart(compared, threshold);
        return featureName() + " " + shown[0] + (left ? " ≤ " : " > ") + shown[1];
    }
}
