package dev.trollwatch.model;

import dev.trollwatch.features.Label;

/**
 * Counts of (true class, predicted class) over unweighted rows, in {@link Label} order, and the
 * metrics derived from them. Undefined ratios (no rows predicted as a class, a constant
 * prediction) are reported as 0, as scikit-learn does with {@code zero_division=0}.
 */
public record ConfusionMatrix(long[][] counts) {
    private static final int K = Label.values().length;

    public ConfusionMatrix {
        if (counts.length != K) {
            throw new IllegalArgumentException("expected " + K + " rows");
        }
    }

    public static ConfusionMatrix empty() {
        return new ConfusionMatrix(new long[K][K]);
    }

    /** Adds one row. */
    public void add(Label truth, Label predicted) {
        counts[truth.ordinal()][predicted.ordinal()]++;
    }

    /** Cell-by-cell sum (for pooling cross-validation folds). */
    public ConfusionMatrix plus(ConfusionMatrix other) {
        long[][] c = new long[K][K];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                c[i][j] = counts[i][j] + other.counts[i][j];
            }
        }
        return new ConfusionMatrix(c);
    }

    public long count(Label truth, Label predicted) {
        return counts[truth.ordinal()][predicted.ordinal()];
    }

    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long c : row) {
                t += c;
            }
        }
        return t;
    }

    /** Rows whose true class is {@code l}. */
    public long support(Label l) {
        long s = 0;
        for (long c : counts[l.ordinal()]) {
            s += c;
        }
        return s;
    }

    /** Rows predicted as {@code l}. */
    public long predicted(Label l) {
        long s = 0;
        for (long[] row : counts) {
            s += row[l.ordinal()];
        }
        return s;
    }

    private long correct() {
        long c = 0;
        for (int i = 0; i < K; i++) {
            c += counts[i][i];
        }
        return c;
    }

    public double accuracy() {
        return ratio(correct(), total());
    }

    public double precision(Label l) {
        return ratio(count(l, l), predicted(l));
    }

    public double recall(Label l) {
        return ratio(count(l, l), support(l));
    }

    public double f1(Label l) {
        double p = precision(l);
        double r = recall(l);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * Multiclass Matthews correlation (Gorodkin's R_K):
     * {@code (c·s − Σ p_k t_k) / sqrt((s² − Σ p_k²)(s² − Σ t_k²))} with c correct rows, s all rows,
     * p_k rows predicted k, t_k rows truly k; 0 when the denominator is 0.
     */
    public double mcc() {
        double s = total();
        double c = correct();
        double pt = 0;
        double pp = 0;
        double tt = 0;
        for (Label l : Label.values()) {
            double p = predicted(l);
            double t = support(l);
            pt += p * t;
            pp += p * p;
            tt += t * t;
        }
        double den = Math.sqrt((s * s - pp) * (s * s - tt));
        return den == 0 ? 0 : (c * s - pt) / den;
    }

    /** Cohen's kappa {@code (p_o − p_e) / (1 − p_e)} with {@code p_e = Σ p_k t_k / s²}; 0 when {@code p_e = 1}. */
    public double kappa() {
        double s = total();
        if (s == 0) {
            return 0;
        }
        double pe = 0;
        for (Label l : Label.values()) {
            pe += (double) predicted(l) * support(l);
        }
        pe /= s * s;
        return pe == 1 ? 0 : (accuracy() - pe) / (1 - pe);
    }

    /** Unweighted mean over the classes of precision, recall or F1. */
    public double macro(java.util.function.ToDoubleFunction<Label> metric) {
        double sum = 0;
        for (Label l : Label.values()) {
            sum += metric.applyAsDouble(l);
        }
        return sum / K;
    }

    /** Mean over the classes weighted by support. */
    public double weighted(java.util.function.ToDoubleFunction<Label> metric) {
        double sum = 0;
        for (Label l : Label.values()) {
            sum += metric.applyAsDouble(l) * support(l);
        }
        return ratio(sum, total());
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
