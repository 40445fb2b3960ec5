package dev.trollwatch.features;

/**
 * One comment as the model sees it: its key, the 20 feature values in {@link FeatureSchema}
 * order, and its label (null when the input carried none, e.g. when scoring).
 * {@code values} is owned by the row: callers must not modify it.
 */
public record FeatureRow(String author, String linkId, double createdUtc, double[] values, Label label) {
    public FeatureRow {
        if (values.length != FeatureSchema.SIZE) {
            throw new IllegalArgumentException("expected " + FeatureSchema.SIZE + " features, got " + values.length);
        }
    }
}
