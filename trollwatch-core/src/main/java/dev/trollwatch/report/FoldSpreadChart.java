package dev.trollwatch.report;

import dev.trollwatch.model.CrossValidationSummary;
import dev.trollwatch.model.Stats;

/** Each metric's value in every fold as a dot, with the mean (bar) and mean ± sd (band), on a shared axis. */
final class FoldSpreadChart {
    private static final double LEFT = 110;
    private static final double PLOT = 440;
    private static final double ROW = 44;

    private FoldSpreadChart() {
    }

    static String draw(CrossValidationSummary cv) {
        String[] names = {"accuracy", "MCC", "kappa"};
        double[][] values = {cv.accuracy(), cv.mcc(), cv.kappa()};
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] v : values) {
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double pad = Math.max(0.01, (hi - lo) * 0.15);
        double min = Math.floor((lo - pad) * 100) / 100;
        double max = Math.ceil((hi + pad) * 100) / 100;
        Svg svg = new Svg(LEFT + PLOT + 150, names.length * ROW + 30, "metrics across " + cv.folds() + " folds");
        for (int t = 0; t <= 4; t++) {
            double x = LEFT + PLOT * t / 4.0;
            svg.line(x, 0, x, names.length * ROW, "#e4e4e4", null);
            svg.text(x, names.length * ROW + 14, Html.fixed(min + (max - min) * t / 4.0, 3), "middle", "tick");
        }
        for (int i = 0; i < names.length; i++) {
            double mean = Stats.mean(values[i]);
            double sd = Stats.sd(values[i]);
            double y = i * ROW + ROW / 2;
            svg.text(LEFT - 8, y + 4, names[i], "end", "label");
            double a = LEFT + PLOT * (mean - sd - min) / (max - min);
            double b = LEFT + PLOT * (mean + sd - min) / (max - min);
            svg.rect(a, y - 10, b - a, 20, "#dbe4f0", null);
            double m = LEFT + PLOT * (mean - min) / (max - min);
            svg.line(m, y - 13, m, y + 13, "#26466e", "stroke-width=\"2.5\"");
            for (double v : values[i]) {
                svg.circle(LEFT + PLOT * (v - min) / (max - min), y, 4, "#c05a00", "fill-opacity=\"0.8\"");
            }
            svg.text(LEFT + PLOT + 10, y + 4, Html.fixed(mean, 4) + " ± " + Html.fixed(sd, 4), "start", "value");
        }
        return svg.end();
    }
}
