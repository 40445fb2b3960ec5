package dev.trollwatch.model.explain;

import dev.trollwatch.features.Label;

/**
 * Exact Shapley values of one prediction, per class: {@code base[c] + Σ_f contributions[c][f]}
 * equals the predicted probability of class c. Features the tree does not use contribute 0.
 *
 * @param base          per class, the expected probability over the training data (cover-weighted mean of the leaves)
 * @param contributions per class, per feature (in {@link dev.trollwatch.features.FeatureSchema} order)
 * @param features      the features the tree splits on, ascending (the only ones that can contribute)
 */
public record ShapleyValues(double[] base, double[][] contributions, int[] features) {

    public double base(Label l) {
        return base[l.ordinal()];
    }

    /** The contributions of every feature to the probability of {@code l}. */
    public double[] of(Label l) {
        return contributions[l.ordinal()];
    }
}
