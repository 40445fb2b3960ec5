package dev.trollwatch.model;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.CommentDeduplicator;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.KnownBots;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What happens to labelled rows before any split, as in the 2019 pipeline: drop duplicates of
 * (author, link_id, created_utc) keeping the first ({@link CommentDeduplicator}), optionally
 * relabel every row of an author who has any {@code bot} row as {@code bot} ({@link KnownBots}),
 * then sort by the key so that results do not depend on the input's row order.
 */
public final class DataPreparation {
    /** The deterministic row order used before splitting. */
    private static final Comparator<FeatureRow> KEY_ORDER = Comparator
            .comparing(FeatureRow::author, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(FeatureRow::linkId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingDouble(FeatureRow::createdUtc);

    private DataPreparation() {
    }

    /**
     * @param rows        rows in input order; every one must carry a label
     * @param relabelBots relabel rows of authors with any bot row
     * @throws TrollwatchException when a row has no label
     */
    public static PreparedData prepare(List<FeatureRow> rows, boolean relabelBots) {
        return prepare(rows, relabelBots, null);
    }

    /** As {@link #prepare(List, boolean)}; {@code source} (the input's name, or null) starts its errors. */
    public static PreparedData prepare(List<FeatureRow> rows, boolean relabelBots, String source) {
        CommentDeduplicator dedup = new CommentDeduplicator();
        List<FeatureRow> unique = new ArrayList<>(rows.size());
        long index = 0;
        for (FeatureRow r : rows) {
            index++;
            if (r.label() == null) {
                throw new TrollwatchException((source == null ? "" : source + ": ") + "row " + index + " (author "
                        + r.author() + ") has no label (target)"
                        + "; training and evaluation need labelled rows");
            }
            if (dedup.firstOccurrence(r.author(), r.linkId(), r.createdUtc())) {
                unique.add(r);
            }
        }
        List<FeatureRow> labelled = unique;
        long relabelled = 0;
        if (relabelBots) {
            KnownBots.Relabelled r = KnownBots.relabel(unique);
            labelled = new ArrayList<>(r.rows());
            relabelled = r.changed();
        }
        labelled.sort(KEY_ORDER);
        return new PreparedData(List.copyOf(labelled), rows.size(), dedup.dropped(), relabelled);
    }
}
