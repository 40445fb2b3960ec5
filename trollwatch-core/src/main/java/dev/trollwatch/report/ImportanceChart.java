package dev.trollwatch.report;

import dev.trollwatch.model.FeatureImportance;
import dev.trollwatch.model.PermutationImportance;
import java.util.Comparator;
import java.util.List;

/**
 * Feature importance as bars: the gain share of every feature used by the tree (and, when
 * computed, the permutation importance of every feature with a non-zero value), in schema order of
 * the gain ranking, each series scaled to its largest value.
 */
final class ImportanceChart {
    private static final double LEFT = 230;
    private static final double PLOT = 330;
    private static final double ROW = 22;
    /** Dark gold: 3.9:1 against white (the earlier #c9a227 was 2.4:1). */
    static final String PERMUTATION_COLOUR = "#a17c00";
    /** Features named in the accessible summary of each series. */
    private static final int SUMMARY_TOP = 5;

    private ImportanceChart() {
    }

    /** The features drawn: those with gain, then those with only a permutation importance; empty for a tree without a split. */
    static List<String> shown(List<FeatureImportance.Entry> gain, List<PermutationImportance.Entry> permutation) {
        List<String> features = gain.stream().filter(e -> e.importance() > 0).map(FeatureImportance.Entry::feature)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        for (PermutationImportance.Entry e : permutation) {
            if (e.importance() != 0 && !features.contains(e.feature())) {
                features.add(e.feature());
            }
        }
        return features;
    }

    /** The bars of {@link #shown} features; there must be at least one. */
    static String draw(List<FeatureImportance.Entry> gain, List<PermutationImportance.Entry> permutation) {
        List<String> features = shown(gain, permutation);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("no feature has any importance: nothing to draw");
        }
        boolean both = !permutation.isEmpty();
        double rowHeight = both ? 2 * ROW - 4 : ROW;
        Svg svg = new Svg(LEFT + PLOT + 210, features.size() * rowHeight + 34, summary(gain, permutation));
        double maxGain = gain.stream().mapToDouble(FeatureImportance.Entry::importance).max().orElse(0);
        double maxPerm = permutation.stream().mapToDouble(PermutationImportance.Entry::importance).max().orElse(0);
        for (int i = 0; i < features.size(); i++) {
            String f = features.get(i);
            double y = 4 + i * rowHeight;
            svg.text(LEFT - 8, y + 14, f, "end", "label");
            double g = gain.stream().filter(e -> e.feature().equals(f)).mapToDouble(FeatureImportance.Entry::importance).findFirst().orElse(0);
            bar(svg, y, g, maxGain, "#4a6fa5", Html.fixed(g, 4) + " gain");
            if (both) {
                PermutationImportance.Entry p = permutation.stream().filter(e -> e.feature().equals(f)).findFirst().orElseThrow();
                bar(svg, y + ROW - 4, p.importance(), maxPerm, PERMUTATION_COLOUR,
                        (p.importance() >= 0 ? "+" : "") + Html.fixed(p.importance(), 4) + " ± " + Html.fixed(p.sd(), 4) + " accuracy");
            }
        }
        double ly = 4 + features.size() * rowHeight + 12;
        svg.rect(LEFT, ly - 9, 12, 12, "#4a6fa5", null);
        svg.text(LEFT + 16, ly + 1, "share of weighted information gain", "start", "tick");
        if (both) {
            svg.rect(LEFT + 230, ly - 9, 12, 12, PERMUTATION_COLOUR, null);
            svg.text(LEFT + 246, ly + 1, "permutation: accuracy drop", "start", "tick");
        }
        return svg.end();
    }

    /** The accessible name: the leading features with their values, which a screen reader cannot get from the bars. */
    static String summary(List<FeatureImportance.Entry> gain, List<PermutationImportance.Entry> permutation) {
        StringBuilder sb = new StringBuilder("feature importance. Share of gain: ");
        List<FeatureImportance.Entry> used = gain.stream().filter(e -> e.importance() > 0)
                .sorted(Comparator.comparingDouble(FeatureImportance.Entry::importance).reversed()).toList();
        for (int i = 0; i < Math.min(SUMMARY_TOP, used.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(used.get(i).feature()).append(' ').append(Html.fixed(used.get(i).importance(), 3));
        }
        sb.append(used.size() > SUMMARY_TOP ? ", and " + (used.size() - SUMMARY_TOP) + " more" : "").append('.');
        if (!permutation.isEmpty()) {
            sb.append(" Permutation accuracy drop: ");
            List<PermutationImportance.Entry> ranked = permutation.stream().filter(e -> e.importance() != 0)
                    .sorted(Comparator.comparingDouble(PermutationImportance.Entry::importance).reversed()).toList();
            for (int i = 0; i < Math.min(SUMMARY_TOP, ranked.size()); i++) {
                sb.append(i == 0 ? "" : ", ").append(ranked.get(i).feature()).append(' ').append(Html.fixed(ranked.get(i).importance(), 3));
            }
            sb.append('.');
        }
        return sb.toString();
    }

    private static void bar(Svg svg, double y, double v, double max, String colour, String text) {
        double w = max > 0 && v > 0 ? PLOT * v / max : 0;
        svg.rect(LEFT, y + 3, w, ROW - 8, colour, null);
        svg.text(LEFT + w + 6, y + 14, text, "start", "value");
    }
}
