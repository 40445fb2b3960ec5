package dev.trollwatch.model;

import dev.trollwatch.features.FeatureRow;
import java.util.List;

/**
 * Labelled rows ready for splitting, with what preparation did to them.
 *
 * @param rows              de-duplicated rows, sorted by (author, link_id, created_utc)
 * @param rowsRead          rows before de-duplication
 * @param duplicatesDropped rows dropped because an earlier row had the same (author, link_id, created_utc)
 * @param relabelled        rows whose label changed to bot because their author has a bot row
 */
public record PreparedData(List<FeatureRow> rows, long rowsRead, long duplicatesDropped, long relabelled) {
}
