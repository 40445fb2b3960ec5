package dev.trollwatch.model;

/** Entropy helpers in bits, over class weights. */
final class Entropy {
    private static final double LN2 = Math.log(2);

    private Entropy() {
    }

    /** {@code x · log2(x)}, 0 for x below 1e-6 (C4.5 treats tiny weights as empty). */
    static double xlog2x(double x) {
        return x < 1e-6 ? 0 : x * Math.log(x) / LN2;
    }

    /** Total weight times the entropy of the class distribution: {@code W·H = W log2 W − Σ w_c log2 w_c}. */
    static double weightedBits(double[] classWeights) {
        double total = 0;
        double sum = 0;
        for (double w : classWeights) {
            total += w;
            sum += xlog2x(w);
        }
        return xlog2x(total) - sum;
    }
}
