package dev.trollwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trollwatch.features.Label;
import dev.trollwatch.model.ConfusionMatrix;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.EvaluationResult;
import dev.trollwatch.model.FeatureImportance;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.QualityGate;
import dev.trollwatch.model.ReviewBudget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The report's bytes: a golden file (same model, same bytes apart from the date), the eight
 * sections in order, no script and nothing fetched from elsewhere, user text escaped.
 * Regenerate the golden file after an intended change with {@code -Dtrollwatch.updateGolden=true}.
 */
class HtmlReportTest {
    /** The section ids the report must have, in page order. */
    static final List<String> SECTIONS = List.of("run", "metrics", "confusion", "per-class", "review-budget",
            "importance", "tree", "cross-validation");

    private static final String GOLDEN = "/report/golden-report.html";
    private static final String DATE = "2026-12-01T12:00:00Z";

    @Test
    void sameModelSameBytesApartFromTheDate() throws IOException {
        String html = HtmlReport.render(ReportFixtures.content(DATE));
        if (Boolean.getBoolean("trollwatch.updateGolden")) {
            Path file = Path.of("src/test/resources" + GOLDEN);
            Files.createDirectories(file.getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
        }
        String golden;
        try (InputStream in = HtmlReportTest.class.getResourceAsStream(GOLDEN)) {
            if (in == null) {
                fail("missing " + GOLDEN + ": run once with -Dtrollwatch.updateGolden=true");
            }
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(golden, html);
        String later = HtmlReport.render(ReportFixtures.content("2027-01-02T03:04:05Z"));
        assertNotEquals(html, later);
        assertEquals(html, later.replace("2027-01-02T03:04:05Z", DATE));
    }

    @Test
    void theEightSectionsComeInOrderEachWithADrawing() {
        String html = HtmlReport.render(ReportFixtures.content(DATE));
        int at = 0;
        int number = 1;
        for (String id : SECTIONS) {
            int start = html.indexOf("<section id=\"" + id + "\">", at);
            assertTrue(start > at, "section " + id + " after the previous one");
            int end = html.indexOf("</section>", start);
            String section = html.substring(start, end);
            assertTrue(section.contains("<h2>" + number + ". "), id + " is numbered " + number);
            assertTrue(section.contains("<svg "), id + " has a drawing");
            at = end;
            number++;
        }
    }

    @Test
    void selfContainedNoScriptNoExternalResourceAndEscaped() {
        String html = HtmlReport.render(ReportFixtures.content(DATE));
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), "no script");
        Matcher refs = Pattern.compile("(?i)(src|href)\\s*=|url\\(|@import").matcher(html);
        assertFalse(refs.find(), () -> "no reference to another resource: " + refs.group());
        Matcher urls = Pattern.compile("https?://[^\"\\s<]+").matcher(html);
        while (urls.find()) {
            assertEquals("http://www.w3.org/2000/svg", urls.group(), "the only URL is the SVG namespace");
        }
        assertTrue(html.contains("data/generated &lt;2000&gt; &amp; co.csv.gz"), "the file name is escaped");
        assertTrue(html.contains(ReportFixtures.SHA), "the data's SHA-256 is in the header");
        assertTrue(html.contains("class=\"fail\">FAIL") && html.contains("class=\"pass\">PASS"), "gates pass and fail");
        assertTrue(html.contains("class-weighted"), "probabilities are said to be class-weighted");
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'; img-src data:\">"), "a policy allowing nothing external");
        assertTrue(html.indexOf("Content-Security-Policy") < html.indexOf("<style>"), "set before the first style");
    }

    @Test
    void anUnlimitedDepthSaysWhatItsZeroMeans() {
        ReportContent c = ReportFixtures.content(DATE);
        assertTrue(HtmlReport.render(c).contains("<tr><th scope=\"row\">max_depth</th><td>3</td></tr>"), "a set depth shows as is");
        ModelInfo i = c.info();
        Map<String, Object> params = new LinkedHashMap<>(i.params());
        params.put("max_depth", 0);
        ModelInfo unlimited = new ModelInfo(i.modelId(), i.toolVersion(), i.featurizerVersion(), i.featureNames(),
                i.classWeights(), params, i.metrics(), i.dataSha256(), i.trainingRows(), i.createdAt());
        String html = HtmlReport.render(new ReportContent(c.command(), c.evaluatedOn(), c.data(), c.eval(), c.tree(),
                unlimited, c.gates(), c.toolVersion(), c.createdAt()));
        assertTrue(html.contains("<tr><th scope=\"row\">max_depth</th><td>0 (no limit: at most 64 levels)</td></tr>"), html);
    }

    @Test
    void controlAndBidiOverrideCharactersInUserTextAreShownAsEscapes() {
        // Found by probing: an imported model's criterion '<script>\u202e\u0000' reached the page with
        // a raw NUL (an HTML parse error) and a right-to-left override (text that reads backwards).
        ReportContent c = ReportFixtures.content(DATE);
        ModelInfo i = c.info();
        Map<String, Object> params = new LinkedHashMap<>(i.params());
        params.put("criterion", "<b>\u202egini\u0000");
        ModelInfo hostile = new ModelInfo(i.modelId(), i.toolVersion(), i.featurizerVersion(), i.featureNames(),
                i.classWeights(), params, i.metrics(), i.dataSha256(), i.trainingRows(), i.createdAt());
        String html = HtmlReport.render(new ReportContent(c.command(), c.evaluatedOn(), c.data(), c.eval(), c.tree(),
                hostile, c.gates(), c.toolVersion(), c.createdAt()));
        assertTrue(html.contains("&lt;b&gt;\\u202egini\\u0000"), "shown as escapes");
        assertFalse(html.contains("\u202e"), "no bidi override");
        assertFalse(html.contains("\u0000"), "no NUL");
    }

    /** The fixture's report with other evaluated rows: {@code truth[i]} predicted as {@code predicted[i]}. */
    static ReportContent evaluatedOn(Label[] truth, Label[] predicted) {
        ReportContent c = ReportFixtures.content(DATE);
        ConfusionMatrix m = ConfusionMatrix.empty();
        List<double[]> probabilities = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            m.add(truth[i], predicted[i]);
            double[] p = new double[3];
            p[predicted[i].ordinal()] = 1;
            probabilities.add(p);
        }
        EvaluationResult e = c.eval();
        EvaluationResult other = new EvaluationResult(m, e.importance(), e.permutation(), e.cv(),
                ReviewBudget.of(probabilities, List.of(truth)));
        return new ReportContent(c.command(), c.evaluatedOn(), c.data(), other, c.tree(), c.info(), c.gates(), c.toolVersion(),
                c.createdAt());
    }

    @Test
    void aClassWithoutRowsShowsNotApplicableNotZero() {
        // With no troll row, troll recall and F1 read "0.0000", the heatmap's diagonal "0.0 %" and the
        // troll ranking's lift "0.00": a failure of the model, to the reader, not an absent class.
        Label[] truth = {Label.BOT, Label.BOT, Label.NORMAL, Label.NORMAL, Label.NORMAL};
        Label[] predicted = {Label.NORMAL, Label.NORMAL, Label.NORMAL, Label.NORMAL, Label.TROLL};
        ReportContent c = evaluatedOn(truth, predicted);
        String html = HtmlReport.render(c);
        String perClass = html.substring(html.indexOf("<section id=\"per-class\">"), html.indexOf("<section id=\"review-budget\">"));
        assertTrue(perClass.contains("bot</th><td>n/a</td><td>0.0000</td><td>0.0000</td>"), "nothing predicted bot: " + perClass);
        assertTrue(perClass.contains("troll</th><td>0.0000</td><td>n/a</td><td>n/a</td>"), "no troll row: " + perClass);
        assertTrue(perClass.contains("No evaluated row is truly troll: its recall and F1 are n/a."), perClass);
        assertTrue(perClass.contains("No row was predicted as bot: its precision is n/a."), perClass);
        assertTrue(perClass.contains("The macro averages count an n/a as 0"), perClass);
        ConfusionMatrix m = c.eval().matrix();
        assertTrue(perClass.contains("macro avg</th><td>" + Html.fixed(m.macro(m::precision), 4) + "</td><td>"
                + Html.fixed(m.macro(m::recall), 4) + "</td><td>" + Html.fixed(m.macro(m::f1), 4)), "macro averages as before");
        assertTrue(perClass.contains(">troll recall</text>") && perClass.contains(">n/a</text>"), "the bars say n/a too");
        String heatmap = ConfusionHeatmap.draw(m);
        assertEquals(3, heatmap.split(">—</text>", -1).length - 1, "the troll row is dashes: " + heatmap);
        String budget = html.substring(html.indexOf("<h3>trolls, ranked"), html.indexOf("<section id=\"importance\">"));
        assertTrue(budget.contains("<td>n/a</td><td>0.0000</td><td>n/a</td></tr>"), "no lift without trolls: " + budget);
    }

    @Test
    void aGateTheDataCannotMeasureShowsNotApplicableWithTheReason() {
        // Its value read 0.0000 beside FAIL, as if the model had scored 0 on trolls that are not there.
        Label[] truth = {Label.BOT, Label.NORMAL, Label.NORMAL};
        Label[] predicted = {Label.BOT, Label.NORMAL, Label.NORMAL};
        ReportContent c = evaluatedOn(truth, predicted);
        List<QualityGate> gates = List.of(new QualityGate(QualityGate.Metric.RECALL, Label.TROLL, 0.5),
                new QualityGate(QualityGate.Metric.ACCURACY, null, 0.5));
        String html = HtmlReport.render(new ReportContent(c.command(), c.evaluatedOn(), c.data(), c.eval(), c.tree(),
                c.info(), gates, c.toolVersion(), c.createdAt()));
        String metrics = html.substring(html.indexOf("<section id=\"metrics\">"), html.indexOf("<section id=\"confusion\">"));
        assertTrue(metrics.contains("<td><abbr title=\"the data has no troll rows\">n/a</abbr></td><td class=\"fail\">FAIL"),
                metrics);
        assertTrue(metrics.contains("<td>1.0000</td><td class=\"pass\">PASS"), "a measured gate keeps its value: " + metrics);
    }

    @Test
    void numbersAreGroupedCountsAgreeWithTheirNounAndLeafProbabilitiesDoNotRoundToCertainty() {
        // "1304.6" beside "1,600", "the 1 evaluated comments", and a leaf's p of 0.9966 shown as "1.00".
        Label[] bots = new Label[3000];
        java.util.Arrays.fill(bots, Label.BOT);
        String html = HtmlReport.render(evaluatedOn(bots, bots));
        assertTrue(html.contains("top k % of the 3,000 evaluated comments,"), "plural");
        assertTrue(html.contains("To catch 80 % (2,400): 2,400.0 reviews"), "a decimal count is grouped like a count");
        assertTrue(HtmlReport.render(evaluatedOn(new Label[] {Label.BOT}, new Label[] {Label.BOT}))
                .contains("top k % of the 1 evaluated comment,"), "singular");
        DecisionTree.Leaf leaf = new DecisionTree.Leaf(new double[] {0.0034, 0.9966, 0}, new long[] {1, 99, 0});
        assertTrue(TreeDiagram.draw(new DecisionTree(leaf)).contains("p 0.997 (weighted) · freq 0.990"), "3 decimals");
    }

    @Test
    void theGainChartsLegendKeepsARankingWithoutPositives() {
        // The trolls' legend line was skipped with its curve, leaving a hole above "random review".
        Label[] truth = {Label.BOT, Label.NORMAL, Label.NORMAL};
        Label[] predicted = {Label.BOT, Label.NORMAL, Label.TROLL};
        String svg = GainChart.draw(evaluatedOn(truth, predicted).eval().budget());
        assertTrue(svg.contains(">trolls: none in the data</text>"), svg);
        assertTrue(svg.contains(">bots + trolls</text>") && svg.contains(">bots</text>"), svg);
        assertEquals(2, svg.split("<polyline", -1).length - 1, "no curve for the trolls");
    }

    @Test
    void aTreeWithoutASplitSaysNoFeatureMattersInsteadOfDrawingAnEmptyBar() {
        // train --min-leaf 9000 drew a bar "no_follow 0.0000 gain" (a hard-coded stand-in) and "1 leaves".
        ReportContent c = ReportFixtures.content(DATE);
        DecisionTree leaf = new DecisionTree(new DecisionTree.Leaf(new double[] {2, 5, 1}, new long[] {2, 5, 1}));
        EvaluationResult e = c.eval();
        EvaluationResult flat = new EvaluationResult(e.matrix(), FeatureImportance.of(leaf), List.of(), e.cv(), e.budget());
        String html = HtmlReport.render(new ReportContent(c.command(), c.evaluatedOn(), c.data(), flat, leaf, c.info(), c.gates(),
                c.toolVersion(), c.createdAt()));
        String importance = html.substring(html.indexOf("<section id=\"importance\">"), html.indexOf("<section id=\"tree\">"));
        assertTrue(importance.contains("The tree has no split: no feature has any importance."), importance);
        assertFalse(importance.contains("<svg"), "no bar for a feature without importance");
        assertTrue(html.contains("(depth 0, 1 leaf)") && html.contains("the decision tree: 1 leaf, depth 0"), "singular");
        assertFalse(html.contains("1 leaves"), "never 1 leaves");
    }

    @Test
    void headerCellsHaveAScopeAndTheImportanceAndTreeDrawingsNameTheirData() {
        // No th had a scope, and the drawings were named "feature importance bars" and "the decision tree: 8 leaves, depth 3".
        ReportContent c = ReportFixtures.content(DATE);
        String html = HtmlReport.render(c);
        assertFalse(html.contains("<th>"), "every header cell has a scope");
        assertTrue(html.contains("<tr><th scope=\"col\">class</th><th scope=\"col\">precision</th>"), "column headers");
        assertTrue(html.contains("<tr><th scope=\"row\">macro avg</th>"), "row headers");
        FeatureImportance.Entry top = c.eval().importance().stream()
                .max(java.util.Comparator.comparingDouble(FeatureImportance.Entry::importance)).orElseThrow();
        assertTrue(html.contains("aria-label=\"feature importance. Share of gain: " + top.feature() + " " + Html.fixed(top.importance(), 3)),
                "the top feature and its share are named");
        assertTrue(html.contains("Permutation accuracy drop: "), "and the permutation ranking");
        DecisionTree.Split root = (DecisionTree.Split) c.tree().root();
        assertTrue(html.contains("; the root splits on " + dev.trollwatch.features.FeatureSchema.NAMES.get(root.feature()) + " at "),
                "the tree's root split is named");
        assertTrue(html.contains("; leaves predicting bot "), "and what its leaves predict");
    }

    @Test
    void theReviewBudgetCountsTheTreesOwnLeaves() {
        // It said "a depth-3 tree gives at most 8 distinct scores" whatever the tree.
        ReportContent cv = ReportFixtures.content(DATE);
        EvaluationResult e = cv.eval();
        ReportContent c = new ReportContent(cv.command(), "stratified hold-out", cv.data(),
                new EvaluationResult(e.matrix(), e.importance(), e.permutation(), null, e.budget()), cv.tree(), cv.info(), cv.gates(),
                cv.toolVersion(), cv.createdAt());
        String html = HtmlReport.render(c);
        int leaves = c.tree().leaves().size();
        assertTrue(html.contains("A tree of " + leaves + " leaves gives at most as many distinct scores"), html);
        assertFalse(html.contains("depth-3 tree gives"), html);
    }

    @Test
    void crossValidatedScoresAreSaidToComeFromTheFoldModels() {
        // With --cv it spoke of the saved tree's leaves, but the ranked scores are out-of-fold predictions of 3 other trees.
        String html = HtmlReport.render(ReportFixtures.content(DATE));
        assertTrue(html.contains("The scores are out-of-fold predictions pooled from the 3 fold models"), html);
        assertFalse(html.contains("A tree of "), "the saved tree's leaves are not what ties the scores");
    }
}
