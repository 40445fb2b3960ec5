package dev.trollwatch.model;

/** Per-fold accuracy, MCC and kappa of a k-fold cross-validation. */
public record CrossValidationSummary(double[] accuracy, double[] mcc, double[] kappa) {
    public int folds() {
        return accuracy.length;
    }
}
