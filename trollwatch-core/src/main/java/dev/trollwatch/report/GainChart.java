package dev.trollwatch.report;

import dev.trollwatch.model.ReviewBudget;

/**
 * The cumulative-gain curve of each ranking: share of rows reviewed (x) against the expected share
 * of the wanted rows caught (y), linear inside tied blocks; random review is the diagonal. The
 * budgets of the table are marked.
 */
final class GainChart {
    private static final double LEFT = 64;
    private static final double TOP = 14;
    private static final double SIZE = 320;

    private GainChart() {
    }

    static String draw(ReviewBudget budget) {
        Svg svg = new Svg(LEFT + SIZE + 190, TOP + SIZE + 46, "cumulative gain curves of the review budget");
        for (int t = 0; t <= 4; t++) {
            double f = t / 4.0;
            svg.line(LEFT + SIZE * f, TOP, LEFT + SIZE * f, TOP + SIZE, "#e4e4e4", null);
            svg.line(LEFT, TOP + SIZE * (1 - f), LEFT + SIZE, TOP + SIZE * (1 - f), "#e4e4e4", null);
            svg.text(LEFT + SIZE * f, TOP + SIZE + 14, Html.fixed(100 * f, 0) + " %", "middle", "tick");
            svg.text(LEFT - 6, TOP + SIZE * (1 - f) + 4, Html.fixed(100 * f, 0) + " %", "end", "tick");
        }
        for (int percent : ReviewBudget.PERCENTS) {
            double x = LEFT + SIZE * percent / 100.0;
            svg.line(x, TOP, x, TOP + SIZE, "#999", "stroke-dasharray=\"2 3\"");
        }
        svg.line(LEFT, TOP + SIZE, LEFT + SIZE, TOP, "#888", "stroke-dasharray=\"6 4\"");
        svg.rect(LEFT, TOP, SIZE, SIZE, "none", "stroke=\"#333\"");
        svg.text(LEFT + SIZE / 2, TOP + SIZE + 34, "share of comments reviewed (highest score first)", "middle", "axis");
        svg.text(12, TOP + SIZE / 2, "share of the wanted comments caught", "middle", "axis-vertical");
        String[] colours = {"#6a3d9a", ClassColors.of(dev.trollwatch.features.Label.BOT), ClassColors.of(dev.trollwatch.features.Label.TROLL)};
        String[] names = {"bots + trolls", "bots", "trolls"};
        for (int r = 0; r < budget.rankings().size(); r++) {
            ReviewBudget.Ranking ranking = budget.rankings().get(r);
            double ly = TOP + 16 + r * 20;
            // every ranking keeps its legend line, so an absent class reads as absent, not as a gap
            if (ranking.positives() == 0 || budget.rows() == 0) {
                svg.text(LEFT + SIZE + 16, ly, names[r] + ": none in the data", "start", "label");
                continue;
            }
            double[] x = new double[ranking.curve().size()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                ReviewBudget.GainPoint p = ranking.curve().get(i);
                x[i] = LEFT + SIZE * p.reviews() / budget.rows();
                y[i] = TOP + SIZE * (1 - p.caught() / ranking.positives());
            }
            svg.polyline(x, y, colours[r], "stroke-width=\"" + (r == 0 ? "3" : "2") + "\"");
            svg.line(LEFT + SIZE + 16, ly - 4, LEFT + SIZE + 40, ly - 4, colours[r], "stroke-width=\"3\"");
            svg.text(LEFT + SIZE + 46, ly, names[r], "start", "label");
        }
        double ly = TOP + 16 + budget.rankings().size() * 20;
        svg.line(LEFT + SIZE + 16, ly - 4, LEFT + SIZE + 40, ly - 4, "#888", "stroke-dasharray=\"6 4\"");
        svg.text(LEFT + SIZE + 46, ly, "random review", "start", "label");
        svg.text(LEFT + SIZE + 16, ly + 22, "dotted: 1, 2, 5, 10, 20 %", "start", "tick");
        return svg.end();
    }
}
