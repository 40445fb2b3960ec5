package dev.trollwatch.report;

import dev.trollwatch.features.Label;
import dev.trollwatch.model.ConfusionMatrix;
import java.util.List;
import java.util.Map;

/** Horizontal bar charts on a 0–1 scale: headline metrics with gate minimums, per-class P/R/F1, class mix of the data. */
final class BarCharts {
    private static final double LEFT = 170;
    private static final double PLOT = 420;
    private static final double ROW = 26;

    /** A bar: its label, value and, when a gate checks it, the gate's minimum (else NaN). */
    record Bar(String label, double value, double minimum) {
    }

    private BarCharts() {
    }

    /** Bars with an axis 0–1; a gate's minimum is a vertical mark, red when the value is below it. */
    static String metrics(List<Bar> bars, String label) {
        Svg svg = new Svg(LEFT + PLOT + 70, bars.size() * ROW + 34, label);
        axis(svg, bars.size() * ROW + 6);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = 6 + i * ROW;
            svg.text(LEFT - 8, y + 15, b.label(), "end", "label");
            svg.rect(LEFT, y + 3, PLOT * clamp(b.value()), ROW - 8, "#4a6fa5", null);
            svg.text(LEFT + PLOT * clamp(b.value()) + 6, y + 15, Html.fixed(b.value(), 4), "start", "value");
            if (!Double.isNaN(b.minimum())) {
                String colour = b.value() >= b.minimum() ? "#1b7f3b" : "#c0392b";
                double x = LEFT + PLOT * clamp(b.minimum());
                svg.line(x, y, x, y + ROW - 2, colour, "stroke-width=\"3\"");
            }
        }
        return svg.end();
    }

    /**
     * Precision, recall and F1 of each class, grouped by class, in the class colour and two darker
     * shades of it: lighter shades (the earlier 75 % and 50 % opacity) fall below 3:1 against white.
     */
    static String perClass(ConfusionMatrix m) {
        Label[] ls = Label.values();
        double group = 3 * ROW + 12;
        Svg svg = new Svg(LEFT + PLOT + 70, ls.length * group + 30, "precision, recall and F1 per class");
        axis(svg, ls.length * group);
        for (int i = 0; i < ls.length; i++) {
            Label l = ls[i];
            double[] v = {m.precision(l), m.recall(l), m.f1(l)};
            String[] text = {ClassMetricText.precision(m, l), ClassMetricText.recall(m, l), ClassMetricText.f1(m, l)};
            String[] names = {"precision", "recall", "F1"};
            Rgb colour = Rgb.parse(ClassColors.of(l));
            String[] shades = {colour.hex(), colour.darker(0.25).hex(), colour.darker(0.5).hex()};
            for (int k = 0; k < 3; k++) {
                double y = i * group + k * ROW + 4;
                svg.text(LEFT - 8, y + 15, l.text() + " " + names[k], "end", "label");
                double w = text[k].equals(ClassMetricText.NOT_APPLICABLE) ? 0 : PLOT * clamp(v[k]);
                svg.rect(LEFT, y + 3, w, ROW - 8, shades[k], null);
                svg.text(LEFT + w + 6, y + 15, text[k], "start", "value");
            }
        }
        return svg.end();
    }

    /** One stacked bar per named group of rows (e.g. trained on / evaluated on), split by class. */
    static String classMix(Map<String, Map<Label, Long>> groups) {
        Svg svg = new Svg(LEFT + PLOT + 70, groups.size() * ROW + 30, "rows per class");
        int i = 0;
        for (Map.Entry<String, Map<Label, Long>> g : groups.entrySet()) {
            double y = 4 + i * ROW;
            long[] rows = new long[3];
            for (Label l : Label.values()) {
                rows[l.ordinal()] = g.getValue().getOrDefault(l, 0L);
            }
            svg.text(LEFT - 8, y + 15, g.getKey() + " (" + Html.count(rows[0] + rows[1] + rows[2]) + ")", "end", "label");
            TreeDiagram.shareBar(svg, LEFT, y + 3, PLOT, ROW - 8, rows);
            i++;
        }
        double ly = 4 + groups.size() * ROW + 10;
        double lx = LEFT;
        for (Label l : Label.values()) {
            svg.rect(lx, ly - 9, 12, 12, ClassColors.of(l), null);
            svg.text(lx + 16, ly + 1, l.text(), "start", "label");
            lx += 90;
        }
        return svg.end();
    }

    private static void axis(Svg svg, double bottom) {
        for (int t = 0; t <= 4; t++) {
            double x = LEFT + PLOT * t / 4.0;
            svg.line(x, 0, x, bottom, "#ddd", null);
            svg.text(x, bottom + 14, Html.fixed(t / 4.0, 2), "middle", "tick");
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
