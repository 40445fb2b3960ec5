package dev.trollwatch.model;

/** How to hold out rows for evaluation. */
public sealed interface SplitPlan {
    /** A seeded random fraction of the rows (per class when {@code stratify}). */
    record HoldOut(double testFraction, boolean stratify) implements SplitPlan {
    }

    /** A separate labelled test set (already prepared); all input rows train. */
    record TestSet(PreparedData test) implements SplitPlan {
    }

    /** Stratified k-fold cross-validation; the saved model is then trained on all rows. */
    record CrossValidation(int folds) implements SplitPlan {
    }
}
