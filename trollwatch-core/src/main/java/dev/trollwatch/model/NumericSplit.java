package dev.trollwatch.model;

/** A binary split {@code value <= splitPoint} (subset 0) / {@code >} (subset 1) on one attribute. */
public interface NumericSplit {
    int attIndex();

    double splitPoint();
}
