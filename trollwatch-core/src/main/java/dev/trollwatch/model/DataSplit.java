package dev.trollwatch.model;

import dev.trollwatch.features.FeatureRow;
import java.util.List;

/** Rows to train on and rows to evaluate on. */
public record DataSplit(List<FeatureRow> train, List<FeatureRow> test) {
}
