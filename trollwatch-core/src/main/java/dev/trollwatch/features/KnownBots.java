package dev.trollwatch.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference's training-time relabelling: every row whose author has any {@code bot} row
 * becomes {@code bot} (known bots also post in the "normal" stream). Not applied by the
 * featurizer or in features files; training applies it and reports the count.
 */
public final class KnownBots {
    private KnownBots() {
    }

    /** The relabelled rows (same order) and how many labels changed. */
    public record Relabelled(List<FeatureRow> rows, long changed) {
    }

    /** Authors with at least one row labelled bot. */
    public static Set<String> botAuthors(Iterable<FeatureRow> rows) {
        Set<String> bots = new HashSet<>();
        for (FeatureRow r : rows) {
            if (r.label() == Label.BOT && r.author() != null) {
                bots.add(r.author());
            }
        }
        return bots;
    }

    /** Relabels as bot every row whose author is in {@link #botAuthors}. */
    public static Relabelled relabel(List<FeatureRow> rows) {
        Set<String> bots = botAuthors(rows);
        List<FeatureRow> out = new ArrayList<>(rows.size());
        long changed = 0;
        for (FeatureRow r : rows) {
            if (r.label() != Label.BOT && r.author() != null && bots.contains(r.author())) {
                out.add(new FeatureRow(r.author(), r.linkId(), r.createdUtc(), r.values(), Label.BOT));
                changed++;
            } else {
                out.add(r);
            }
        }
        return new Relabelled(List.copyOf(out), changed);
    }
}
