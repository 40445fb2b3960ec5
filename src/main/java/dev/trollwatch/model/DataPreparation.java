package dev.trollwatch.model;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What happens to labelled rows before any split, as in the 2019 pipeline: drop duplicates of
 * (author, link_id, created_utc) keeping the first, optionally relabel every row of an author who
 * has any {@code bot} row as {@code bot}, then sort by the key so that results do not depend on
 * the input's row order (e.g. a parallel featurizer's).
 */
public final class DataPreparation {
    /** The deterministic row order used before splitting. */
    public static final Comparator<FeatureRow> KEY_ORDER = Comparator
            .comparing(FeatureRow::author, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(FeatureRow::linkId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingDouble(FeatureRow::createdUtc);

    private DataPreparation() {
    }

    /**
     * @param rows          rows in input order; every one must carry a label
     * @param relabelBots   relabel rows of authors with any bot row
     * @throws TrollwatchException when a row has no label
     */
    public static PreparedData prepare(List<FeatureRow> rows, boolean relabelBots) {
        Set<Key> seen = new HashSet<>(rows.size() * 2);
        List<FeatureRow> unique = new ArrayList<>(rows.size());
        Set<String> botAuthors = new HashSet<>();
        long index = 0;
        for (FeatureRow r : rows) {
            index++;
            if (r.label() == null) {
                throw new TrollwatchException("row " + index + " (author " + r.author() + ") has no label (target)"
                        + "; training and evaluation need labelled rows");
            }
            if (seen.add(new Key(r.author(), r.linkId(), r.createdUtc()))) {
                unique.add(r);
                if (r.label() == Label.BOT) {
                    botAuthors.add(r.author());
                }
            }
        }
        long relabelled = 0;
        if (relabelBots) {
            for (int i = 0; i < unique.size(); i++) {
                FeatureRow r = unique.get(i);
                if (r.label() != Label.BOT && botAuthors.contains(r.author())) {
                    unique.set(i, new FeatureRow(r.author(), r.linkId(), r.createdUtc(), r.values(), Label.BOT));
                    relabelled++;
                }
            }
        }
        unique.sort(KEY_ORDER);
        return new PreparedData(List.copyOf(unique), rows.size(), rows.size() - unique.size(), relabelled);
    }

    private record Key(String author, String linkId, double createdUtc) {
    }
}
