package dev.trollwatch.report;

import dev.trollwatch.features.Label;
import dev.trollwatch.model.ConfusionMatrix;

/** The confusion matrix as a heatmap of row-normalised shares (each true class's row sums to 100 %), counts beneath. */
final class ConfusionHeatmap {
    private static final double CELL = 92;
    private static final double LEFT = 110;
    private static final double TOP = 44;

    private ConfusionHeatmap() {
    }

    static String draw(ConfusionMatrix m) {
        Label[] ls = Label.values();
        Svg svg = new Svg(LEFT + 3 * CELL + 10, TOP + 3 * CELL + 10, "confusion matrix heatmap, rows normalised");
        svg.text(LEFT + 1.5 * CELL, 14, "predicted", "middle", "axis");
        svg.text(14, TOP + 1.5 * CELL, "true", "middle", "axis-vertical");
        for (int j = 0; j < 3; j++) {
            svg.text(LEFT + (j + 0.5) * CELL, TOP - 8, ls[j].text(), "middle", "label");
        }
        for (int i = 0; i < 3; i++) {
            svg.text(LEFT - 8, TOP + (i + 0.5) * CELL + 4, ls[i].text(), "end", "label");
            long support = m.support(ls[i]);
            for (int j = 0; j < 3; j++) {
                long c = m.count(ls[i], ls[j]);
                double share = support == 0 ? 0 : (double) c / support;
                double x = LEFT + j * CELL;
                double y = TOP + i * CELL;
                Rgb fill = shade(share);
                svg.rect(x, y, CELL - 2, CELL - 2, fill.hex(), null);
                String ink = ink(fill);
                // a class with no rows has no shares: a dash, not a 0.0 % that reads as a miss
                svg.text(x + CELL / 2 - 1, y + CELL / 2 - 2, support == 0 ? "—" : Html.percent(share), "middle", "cell-big " + ink);
                svg.text(x + CELL / 2 - 1, y + CELL / 2 + 16, Html.count(c) + " rows", "middle", "cell-small " + ink);
            }
        }
        return svg.end();
    }

    /** White to dark blue-grey, linear in the share. */
    private static Rgb shade(double share) {
        return new Rgb((int) Math.round(247 - share * (247 - 38)), (int) Math.round(248 - share * (248 - 70)),
                (int) Math.round(250 - share * (250 - 110)));
    }

    /**
     * The text class, white ("light") or black ("dark"), that contrasts more with {@code fill}: at
     * least 4.58:1 whatever the fill (a fixed cut-off at 55 % gave white text at 3.1:1).
     */
    static String ink(Rgb fill) {
        return fill.contrast(Rgb.WHITE) >= fill.contrast(Rgb.BLACK) ? "light" : "dark";
    }
}
