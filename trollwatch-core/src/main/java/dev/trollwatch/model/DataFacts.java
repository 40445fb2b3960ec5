package dev.trollwatch.model;

import dev.trollwatch.features.Label;
import java.util.Map;

/**
 * What the metrics file records about the input data.
 *
 * @param input             the input path as given
 * @param sha256            SHA-256 (hex) of the input file
 * @param prepared          what preparation did (rows read, duplicates, relabelled)
 * @param trainRows         rows per class trained on (null for evaluate)
 * @param testRows          rows per class evaluated
 * @param testInput         the separate test file, or null
 * @param testSha256        its SHA-256, or null
 */
public record DataFacts(String input, String sha256, PreparedData prepared, Map<Label, Long> trainRows,
        Map<Label, Long> testRows, String testInput, String testSha256) {
}
