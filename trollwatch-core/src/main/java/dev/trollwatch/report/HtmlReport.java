package dev.trollwatch.report;

import dev.trollwatch.features.Label;
import dev.trollwatch.model.ConfusionMatrix;
import dev.trollwatch.model.CrossValidationSummary;
import dev.trollwatch.model.DataFacts;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.EvaluationResult;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.Numbers;
import dev.trollwatch.model.QualityGate;
import dev.trollwatch.model.ReviewBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the report page: eight sections in a fixed order (run, headline metrics and gates,
 * confusion matrix, per-class metrics, review budget, feature importance, tree, cross-validation
 * spread), each with a table or facts and an inline SVG drawing. The same content always gives
 * the same bytes; only {@link ReportContent#createdAt} differs between runs.
 */
public final class HtmlReport {
    private static final String PROBABILITY_NOTE = "Probabilities are class-weighted: each leaf's training rows count"
            + " with their class weight (%s), as scikit-learn's predict_proba on a class-weighted tree does."
            + " They are not the share of the leaf's rows (its frequency), which is shown beside them.";

    /** Tables and drawings scroll sideways inside these wrappers rather than widening the page on a phone. */
    private static final String NUMBERS_TABLE = "<div class=\"scroll\"><table class=\"numbers\">\n";
    private static final String TABLE_END = "</table></div>\n";

    /** The browser loads nothing and runs nothing, even if hostile text ever slipped past escaping. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private HtmlReport() {
    }

    public static String render(ReportContent c) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        String title = "trollwatch " + c.command() + " report — model " + c.info().modelId();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(ReportStyle.CSS).append("</style>\n")
                .append("</head>\n<body>\n<header>\n<h1>").append(Html.escape(title)).append("</h1>\n<p class=\"sub\">")
                .append(Html.escape(c.evaluatedOn())).append(" · ").append(Html.count(c.eval().matrix().total()))
                .append(" rows evaluated · ").append(Html.escape(c.createdAt())).append("</p>\n</header>\n");
        run(sb, c);
        metrics(sb, c);
        confusion(sb, c.eval().matrix());
        perClass(sb, c.eval().matrix());
        reviewBudget(sb, c);
        importance(sb, c.eval(), c.tree());
        tree(sb, c);
        crossValidation(sb, c.eval().cv());
        sb.append("<footer>Written by trollwatch ").append(Html.escape(c.toolVersion()))
                .append(". No script, no external resource: this file is the whole report.</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void open(StringBuilder sb, int number, String id, String heading) {
        sb.append("<section id=\"").append(id).append("\">\n<h2>").append(number).append(". ").append(Html.escape(heading)).append("</h2>\n");
    }

    private static void close(StringBuilder sb) {
        sb.append("</section>\n");
    }

    /** A table's row of column headers (scope="col", so a screen reader names each cell's column). */
    private static String headerRow(String... names) {
        StringBuilder sb = new StringBuilder("<tr>");
        for (String name : names) {
            sb.append("<th scope=\"col\">").append(Html.escape(name)).append("</th>");
        }
        return sb.append("</tr>\n").toString();
    }

    /** A drawing with its caption (plain text, escaped). */
    private static void figure(StringBuilder sb, String svg, String caption) {
        sb.append("<figure><div class=\"scroll\">").append(svg).append("</div><figcaption>").append(Html.escape(caption))
                .append("</figcaption></figure>\n");
    }

    private static void run(StringBuilder sb, ReportContent c) {
        open(sb, 1, "run", "Run");
        DataFacts d = c.data();
        ModelInfo info = c.info();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("command", "trollwatch " + c.command());
        facts.put("data file", d.input());
        facts.put("data SHA-256", d.sha256());
        facts.put("rows read", Html.count(d.prepared().rowsRead()));
        facts.put("duplicates dropped", Html.count(d.prepared().duplicatesDropped()) + " (same author, link_id, created_utc)");
        facts.put("relabelled as bot", Html.count(d.prepared().relabelled()) + " (rows of authors with any bot row)");
        facts.put("rows used", Html.count(d.prepared().rows().size()));
        if (d.testInput() != null) {
            facts.put("test file", d.testInput());
            facts.put("test SHA-256", d.testSha256());
        }
        facts.put("evaluated on", c.evaluatedOn());
        facts.put("model id", info.modelId());
        facts.put("model trained", "by trollwatch " + info.toolVersion() + " at " + info.createdAt()
                + (info.dataSha256() == null ? "" : ", on data SHA-256 " + info.dataSha256()));
        facts.put("featurizer version", Integer.toString(info.featurizerVersion()));
        facts.put("report by", "trollwatch " + c.toolVersion());
        facts.put("date", c.createdAt());
        sb.append("<table class=\"facts\">\n");
        facts.forEach((k, v) -> factRow(sb, k, v));
        sb.append("</table>\n<h3>Parameters</h3>\n<table class=\"facts params\">\n");
        for (Map.Entry<String, Object> p : info.params().entrySet()) {
            factRow(sb, p.getKey(), paramText(p.getKey(), p.getValue()));
        }
        sb.append("</table>\n");
        Map<String, Map<Label, Long>> mix = new LinkedHashMap<>();
        if (d.trainRows() != null) {
            mix.put("trained on", d.trainRows());
        }
        mix.put("evaluated on", d.testRows());
        figure(sb, BarCharts.classMix(mix), "Rows per class.");
        close(sb);
    }

    private static void factRow(StringBuilder sb, String name, String value) {
        sb.append("<tr><th scope=\"row\">").append(Html.escape(name)).append("</th><td>").append(Html.escape(value)).append("</td></tr>\n");
    }

    private static String paramText(String key, Object v) {
        // The recorded 0 is train's "no limit", which still stops at the loaders' cap.
        if ("max_depth".equals(key) && Integer.valueOf(0).equals(v)) {
            return "0 (no limit: at most " + DecisionTree.MAX_DEPTH + " levels)";
        }
        return paramText(v);
    }

    private static String paramText(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder();
            m.forEach((k, x) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(paramText(x)));
            return sb.toString();
        }
        if (v instanceof Double x) {
            return Numbers.compact(x);
        }
        return String.valueOf(v);
    }

    private static void metrics(StringBuilder sb, ReportContent c) {
        open(sb, 2, "metrics", "Headline metrics and quality gates");
        ConfusionMatrix m = c.eval().matrix();
        sb.append("<div class=\"cards\">\n");
        card(sb, "accuracy", m.accuracy());
        card(sb, "MCC", m.mcc());
        card(sb, "Cohen's kappa", m.kappa());
        card(sb, "macro F1", m.macro(m::f1));
        sb.append("</div>\n");
        List<BarCharts.Bar> bars = new ArrayList<>();
        bars.add(new BarCharts.Bar("accuracy", m.accuracy(), gateMinimum(c.gates(), QualityGate.Metric.ACCURACY, null)));
        bars.add(new BarCharts.Bar("MCC", m.mcc(), gateMinimum(c.gates(), QualityGate.Metric.MCC, null)));
        bars.add(new BarCharts.Bar("kappa", m.kappa(), gateMinimum(c.gates(), QualityGate.Metric.KAPPA, null)));
        bars.add(new BarCharts.Bar("macro F1", m.macro(m::f1), Double.NaN));
        if (c.gates().isEmpty()) {
            sb.append("<p>No quality gates were given (evaluate --min-accuracy, --min-mcc, --min-recall … set them).</p>\n");
        } else {
            long passed = c.gates().stream().filter(g -> g.check(m) == null).count();
            sb.append("<p><strong>").append(passed).append(" of ").append(c.gates().size()).append(" quality gates passed.</strong></p>\n");
            sb.append(NUMBERS_TABLE).append(headerRow("gate", "minimum", "value", "result"));
            for (QualityGate g : c.gates()) {
                boolean ok = g.check(m) == null;
                sb.append("<tr><td>").append(Html.escape(g.what())).append("</td><td>").append(Numbers.compact(g.minimum()))
                        .append("</td><td>").append(gateValue(g, m)).append("</td><td class=\"").append(ok ? "pass" : "fail")
                        .append("\">").append(ok ? "PASS" : "FAIL").append("</td></tr>\n");
                if (g.metric().perClass()) {
                    bars.add(new BarCharts.Bar(g.what(), g.value(m), g.minimum()));
                }
            }
            sb.append(TABLE_END);
        }
        figure(sb, BarCharts.metrics(bars, "headline metrics with gate minimums"),
                "Bars: the metric on a 0–1 scale; a vertical mark: a gate's minimum (green passed, red failed).");
        close(sb);
    }

    /** The gate's value, or n/a with the reason when the data cannot measure it (it showed 0.0000). */
    private static String gateValue(QualityGate g, ConfusionMatrix m) {
        String why = g.unmeasurable(m);
        return why == null ? Html.fixed(g.value(m), 4) : "<abbr title=\"" + Html.escape(why) + "\">n/a</abbr>";
    }

    private static double gateMinimum(List<QualityGate> gates, QualityGate.Metric metric, Label label) {
        for (QualityGate g : gates) {
            if (g.metric() == metric && g.label() == label) {
                return g.minimum();
            }
        }
        return Double.NaN;
    }

    private static void card(StringBuilder sb, String name, double value) {
        sb.append("<div class=\"card\"><div class=\"big\">").append(Html.fixed(value, 4)).append("</div><div>")
                .append(Html.escape(name)).append("</div></div>\n");
    }

    private static void confusion(StringBuilder sb, ConfusionMatrix m) {
        open(sb, 3, "confusion", "Confusion matrix");
        Label[] ls = Label.values();
        sb.append("<div class=\"side\">\n").append(NUMBERS_TABLE).append("<tr><th scope=\"col\">true \\ predicted</th>");
        for (Label l : ls) {
            sb.append("<th scope=\"col\">").append(l.text()).append("</th>");
        }
        sb.append("<th scope=\"col\">All</th></tr>\n");
        for (Label t : ls) {
            sb.append("<tr><th scope=\"row\">").append(t.text()).append("</th>");
            for (Label p : ls) {
                sb.append("<td").append(t == p ? " class=\"diag\"" : "").append('>').append(Html.count(m.count(t, p))).append("</td>");
            }
            sb.append("<td>").append(Html.count(m.support(t))).append("</td></tr>\n");
        }
        sb.append("<tr><th scope=\"row\">All</th>");
        for (Label p : ls) {
            sb.append("<td>").append(Html.count(m.predicted(p))).append("</td>");
        }
        sb.append("<td>").append(Html.count(m.total())).append("</td></tr>\n").append(TABLE_END);
        boolean absent = false;
        for (Label l : ls) {
            absent |= m.support(l) == 0;
        }
        figure(sb, ConfusionHeatmap.draw(m), "Each true class's row normalised to 100 % (its recall on the diagonal); unweighted rows."
                + (absent ? " A row of dashes: no evaluated row is truly that class." : ""));
        sb.append("</div>\n");
        close(sb);
    }

    private static void perClass(StringBuilder sb, ConfusionMatrix m) {
        open(sb, 4, "per-class", "Precision, recall and F1 per class");
        sb.append(NUMBERS_TABLE).append(headerRow("class", "precision", "recall", "F1", "support"));
        for (Label l : Label.values()) {
            sb.append("<tr><th scope=\"row\"><span class=\"swatch\" style=\"background:").append(ClassColors.of(l)).append("\"></span>")
                    .append(l.text()).append("</th><td>").append(ClassMetricText.precision(m, l)).append("</td><td>")
                    .append(ClassMetricText.recall(m, l)).append("</td><td>").append(ClassMetricText.f1(m, l)).append("</td><td>")
                    .append(Html.count(m.support(l))).append("</td></tr>\n");
        }
        sb.append("<tr><th scope=\"row\">macro avg</th><td>").append(Html.fixed(m.macro(m::precision), 4)).append("</td><td>")
                .append(Html.fixed(m.macro(m::recall), 4)).append("</td><td>").append(Html.fixed(m.macro(m::f1), 4))
                .append("</td><td>").append(Html.count(m.total())).append("</td></tr>\n");
        sb.append("<tr><th scope=\"row\">weighted avg</th><td>").append(Html.fixed(m.weighted(m::precision), 4)).append("</td><td>")
                .append(Html.fixed(m.weighted(m::recall), 4)).append("</td><td>").append(Html.fixed(m.weighted(m::f1), 4))
                .append("</td><td>").append(Html.count(m.total())).append("</td></tr>\n").append(TABLE_END);
        String note = ClassMetricText.note(m);
        if (!note.isEmpty()) {
            sb.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n");
        }
        figure(sb, BarCharts.perClass(m), "Precision, recall and F1 of each class.");
        close(sb);
    }

    private static void reviewBudget(StringBuilder sb, ReportContent c) {
        open(sb, 5, "review-budget", "The moderators' review budget");
        ReviewBudget b = c.eval().budget();
        sb.append("<p>If moderators review the top k % of the ").append(Html.count(b.rows(), "evaluated comment", "evaluated comments"))
                .append(", ranked by the model's score, how many of the bots and trolls do they catch? ")
                .append(fewScores(c)).append(", so a cut-off usually falls inside a block of tied")
                .append(" scores: every figure is the <em>expected</em> value when tied comments are reviewed in random order")
                .append(" (linear within the block). Lift: precision divided by the share of wanted comments overall.</p>\n")
                .append("<p class=\"note\">").append(Html.escape(String.format(PROBABILITY_NOTE, weightsText(c.info())))).append("</p>\n");
        String[] names = {"bots and trolls, ranked by P(bot) + P(troll)", "bots, ranked by P(bot)", "trolls, ranked by P(troll)"};
        for (int r = 0; r < b.rankings().size(); r++) {
            ReviewBudget.Ranking ranking = b.rankings().get(r);
            // with no wanted rows, the share caught and the lift divide by zero
            boolean none = ranking.positives() == 0;
            sb.append("<h3>").append(Html.escape(names[r])).append(" — ").append(Html.count(ranking.positives())).append(" in the data</h3>\n");
            sb.append(NUMBERS_TABLE).append(headerRow("review top", "reviews", "caught (expected)", "share caught", "precision", "lift"));
            for (ReviewBudget.Cut cut : ranking.cuts()) {
                sb.append("<tr><td>").append(cut.percent()).append(" %</td><td>").append(Html.count(cut.reviews())).append("</td><td>")
                        .append(Html.grouped(cut.caught(), 1)).append("</td><td>").append(none ? ClassMetricText.NOT_APPLICABLE : Html.percent(cut.captureRate()))
                        .append("</td><td>").append(Html.fixed(cut.precision(), 4)).append("</td><td>")
                        .append(none ? ClassMetricText.NOT_APPLICABLE : Html.fixed(cut.lift(), 2))
                        .append("</td></tr>\n");
            }
            sb.append(TABLE_END).append("<p>");
            for (ReviewBudget.Reach reach : ranking.reach()) {
                sb.append("To catch ").append(reach.percent()).append(" % (").append(Html.count(reach.target())).append("): ")
                        .append(Double.isNaN(reach.reviews()) ? "—" : Html.grouped(reach.reviews(), 1) + " reviews")
                        .append(Double.isNaN(reach.reviews()) || b.rows() == 0 ? "" : " (" + Html.percent(reach.reviews() / b.rows()) + " of all)")
                        .append(". ");
            }
            sb.append("</p>\n");
        }
        figure(sb, GainChart.draw(b), "Cumulative gain: the expected share of the wanted comments caught against the share reviewed.");
        close(sb);
    }

    /** Why scores tie: the saved tree's leaves, or with cross-validation the fold models that made the scores. */
    private static String fewScores(ReportContent c) {
        CrossValidationSummary cv = c.eval().cv();
        if (cv != null) {
            return "The scores are out-of-fold predictions pooled from the " + cv.folds() + " fold models (each scores the"
                    + " comments it was not trained on), and each fold's tree gives at most as many distinct scores as it has leaves";
        }
        int leaves = c.tree().leaves().size();
        return "A tree of " + Html.count(leaves, "leaf", "leaves") + " gives at most as many distinct scores";
    }

    private static String weightsText(ModelInfo info) {
        StringBuilder sb = new StringBuilder();
        for (Label l : Label.values()) {
            Double w = info.classWeights() == null ? null : info.classWeights().get(l);
            sb.append(sb.length() == 0 ? "" : ", ").append(l.text()).append(' ').append(Numbers.compact(w == null ? 1 : w));
        }
        return sb.toString();
    }

    private static void importance(StringBuilder sb, EvaluationResult eval, DecisionTree tree) {
        open(sb, 6, "importance", "Feature importance");
        sb.append("<p>Gain: each feature's share of the tree's weighted information gain. Features with neither")
                .append(" gain nor permutation importance are left out.");
        if (!eval.permutation().isEmpty()) {
            sb.append(" Permutation: the mean drop in accuracy on the evaluated rows when the feature's column is shuffled (± sd over repeats).");
        } else {
            sb.append(" Permutation importance was not computed (--permutation-importance).");
        }
        sb.append("</p>\n");
        if (ImportanceChart.shown(eval.importance(), eval.permutation()).isEmpty()) {
            sb.append("<p><strong>").append(tree.root() instanceof DecisionTree.Leaf ? "The tree has no split: no feature has any importance."
                    : "No feature has any importance.").append("</strong></p>\n");
        } else {
            figure(sb, ImportanceChart.draw(eval.importance(), eval.permutation()), "Feature importance.");
        }
        close(sb);
    }

    private static void tree(StringBuilder sb, ReportContent c) {
        open(sb, 7, "tree", "The tree");
        sb.append("<p>Each box: the split (left branch ≤ threshold), the training rows of each class that reached it and a")
                .append(" bar of their shares, tinted with the class it predicts. Leaves: p is the predicted class's class-weighted")
                .append(" probability, freq its share of the leaf's training rows.</p>\n")
                .append("<p class=\"note\">").append(Html.escape(String.format(PROBABILITY_NOTE, weightsText(c.info())))).append("</p>\n");
        int shown = TreeDiagram.drawnDepth(c.tree());
        figure(sb, TreeDiagram.draw(c.tree()), "The decision tree (depth " + c.tree().depth() + ", "
                + Html.count(c.tree().leaves().size(), "leaf", "leaves") + ")"
                + (shown < c.tree().depth() ? ", drawn down to depth " + shown + ": each dashed box stands for the"
                        + " subtree below it (the whole tree is in the model's JSON file, and in train --dot)" : "") + ".");
        close(sb);
    }

    private static void crossValidation(StringBuilder sb, CrossValidationSummary cv) {
        open(sb, 8, "cross-validation", "Cross-validation spread");
        if (cv == null) {
            sb.append("<p>Not cross-validated: run <code>train --cv K</code> to see each metric's spread across K folds.</p>\n");
        } else {
            sb.append("<p>").append(cv.folds()).append("-fold stratified cross-validation: each dot is one fold's metric, the bar")
                    .append(" the mean, the band mean ± sd. The saved model is trained on all rows.</p>\n");
            figure(sb, FoldSpreadChart.draw(cv), "Metrics across folds.");
            sb.append(NUMBERS_TABLE).append(headerRow("fold", "accuracy", "MCC", "kappa"));
            for (int f = 0; f < cv.folds(); f++) {
                sb.append("<tr><td>").append(f + 1).append("</td><td>").append(Html.fixed(cv.accuracy()[f], 4)).append("</td><td>")
                        .append(Html.fixed(cv.mcc()[f], 4)).append("</td><td>").append(Html.fixed(cv.kappa()[f], 4)).append("</td></tr>\n");
            }
            sb.append(TABLE_END);
        }
        close(sb);
    }
}
