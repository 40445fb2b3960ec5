package dev.trollwatch.model;

import dev.trollwatch.features.Label;

/**
 * What a model says about one feature vector: the predicted class and the class probabilities
 * in {@link Label} order ({@code probabilities[label.ordinal()]}).
 */
public record Prediction(Label label, double[] probabilities) {

    /** The probability of one class. */
    public double probability(Label l) {
        return probabilities[l.ordinal()];
    }
}
