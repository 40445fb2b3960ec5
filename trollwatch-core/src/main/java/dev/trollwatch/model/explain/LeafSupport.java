package dev.trollwatch.model.explain;

import dev.trollwatch.features.Label;

/**
 * What a leaf learned from: its training rows per class (unweighted) and their summed class
 * weights. The model's probabilities are the weights normalised (class-weighted, like
 * scikit-learn's {@code predict_proba} on a class-weighted tree); the frequencies are the rows
 * normalised. They differ whenever the leaf holds more than one class: a threshold meant for one
 * must not be put on the other.
 *
 * @param rows    training rows per class, in {@link Label} order
 * @param weights summed training instance weights per class, in {@link Label} order
 */
public record LeafSupport(long[] rows, double[] weights) {

    public long totalRows() {
        long t = 0;
        for (long r : rows) {
            t += r;
        }
        return t;
    }

    /** Share of the leaf's training rows per class (all 0 when the leaf has no recorded rows). */
    public double[] frequencies() {
        long total = totalRows();
        double[] f = new double[rows.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = total == 0 ? 0 : (double) rows[i] / total;
        }
        return f;
    }

    public long rows(Label l) {
        return rows[l.ordinal()];
    }
}
