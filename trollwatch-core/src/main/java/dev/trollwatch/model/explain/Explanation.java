package dev.trollwatch.model.explain;

import dev.trollwatch.features.Label;
import java.util.List;

/**
 * Why a row got its verdict.
 *
 * @param path          the conditions from the root to the leaf, each true of the row
 * @param leafIndex     the leaf, counted from 0 left to right
 * @param predicted     the predicted class
 * @param probabilities class-weighted probabilities in {@link Label} order (what the model outputs)
 * @param support       the leaf's training rows per class and their frequencies
 * @param shapley       each feature's exact contribution to each class's probability
 */
public record Explanation(List<PathCondition> path, int leafIndex, Label predicted, double[] probabilities,
        LeafSupport support, ShapleyValues shapley) {

    /** The path in words: {@code a 0.81 > 0.349 · b 120 ≤ 1811 → bot}. */
    public String pathText() {
        StringBuilder sb = new StringBuilder();
        for (PathCondition c : path) {
            if (sb.length() > 0) {
                sb.append(" · ");
            }
            sb.append(c.text());
        }
        return sb.append(sb.length() > 0 ? " → " : "→ ").append(predicted.text()).toString();
    }

    /** Contributions to the predicted class's probability, per feature. */
    public double[] contributions() {
        return shapley.of(predicted);
    }
}
