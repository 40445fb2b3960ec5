package dev.trollwatch.model;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders evaluation results as the text report {@code train} and {@code evaluate} print: the
 * confusion matrix laid out like pandas' {@code crosstab(..., margins=True)}, a
 * classification report like scikit-learn's, MCC and kappa, importances with bars, the tree as
 * rules. Pure: returns strings.
 */
public final class ReportFormatter {
    private static final int BAR_WIDTH = 30;

    private ReportFormatter() {
    }

    /**
     * The whole evaluation report: confusion matrix, metrics, cross-validation summary (if any),
     * importances and the tree as rules.
     */
    public static String report(EvaluationResult eval, DecisionTree tree, String evaluatedOn) {
        StringBuilder sb = new StringBuilder();
        sb.append("Confusion matrix (").append(evaluatedOn).append(", ").append(eval.matrix().total()).append(" rows, unweighted):\n\n");
        sb.append(confusionMatrix(eval.matrix())).append('\n');
        sb.append(metrics(eval.matrix())).append('\n');
        if (eval.cv() != null) {
            sb.append(crossValidation(eval.cv())).append('\n');
        }
        if (eval.budget() != null) {
            sb.append(reviewBudget(eval.budget())).append('\n');
        }
        sb.append("Feature importance (share of the tree's weighted information gain):\n\n");
        sb.append(importance(eval.importance())).append('\n');
        if (!eval.permutation().isEmpty()) {
            sb.append("Permutation importance (mean accuracy drop when the feature is shuffled, ").append(evaluatedOn).append("):\n\n");
            sb.append(permutation(eval.permutation())).append('\n');
        }
        long smallest = Long.MAX_VALUE;
        for (DecisionTree.Leaf l : tree.leaves()) {
            smallest = Math.min(smallest, java.util.Arrays.stream(l.rows()).sum());
        }
        sb.append(String.format(Locale.ROOT, "Tree (depth %d, %s, smallest leaf %s;"
                + " p = the class-weighted probability, not the share of the leaf's rows):%n%n",
                tree.depth(), Numbers.count(tree.leaves().size(), "leaf", "leaves"),
                Numbers.count(smallest, "training row", "training rows")));
        sb.append(rules(tree));
        return sb.toString();
    }

    /** e.g. {@code bot 1,234 · normal 5,678 · troll 90}. */
    public static String classCounts(java.util.Map<Label, Long> counts) {
        StringBuilder sb = new StringBuilder();
        for (Label l : Label.values()) {
            if (sb.length() > 0) {
                sb.append(" · ");
            }
            sb.append(l.text()).append(' ').append(String.format(Locale.ROOT, "%,d", counts.getOrDefault(l, 0L)));
        }
        return sb.toString();
    }

    /** The confusion matrix: rows {@code True}, columns {@code Predicted}, margins {@code All}. */
    static String confusionMatrix(ConfusionMatrix m) {
        List<String> cols = new ArrayList<>();
        for (Label l : Label.values()) {
            cols.add(l.text());
        }
        cols.add("All");
        List<String> rowNames = new ArrayList<>(cols);
        long[][] cells = new long[4][4];
        Label[] ls = Label.values();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                cells[i][j] = m.count(ls[i], ls[j]);
            }
            cells[i][3] = m.support(ls[i]);
            cells[3][i] = m.predicted(ls[i]);
        }
        cells[3][3] = m.total();
        int first = "Predicted".length();
        for (String r : rowNames) {
            first = Math.max(first, r.length());
        }
        int[] width = new int[4];
        for (int j = 0; j < 4; j++) {
            width[j] = cols.get(j).length();
            for (int i = 0; i < 4; i++) {
                width[j] = Math.max(width[j], Long.toString(cells[i][j]).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(pad("Predicted", first, false));
        for (int j = 0; j < 4; j++) {
            sb.append("  ").append(pad(cols.get(j), width[j], true));
        }
        sb.append('\n').append(pad("True", first, false)).append('\n');
        for (int i = 0; i < 4; i++) {
            sb.append(pad(rowNames.get(i), first, false));
            for (int j = 0; j < 4; j++) {
                sb.append("  ").append(pad(Long.toString(cells[i][j]), width[j], true));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Accuracy, per-class precision/recall/F1/support, macro and weighted averages, MCC, kappa. */
    public static String metrics(ConfusionMatrix m) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-12s %9s %9s %9s %9s%n", "", "precision", "recall", "f1-score", "support"));
        for (Label l : Label.values()) {
            sb.append(String.format(Locale.ROOT, "%-12s %9.4f %9.4f %9.4f %9d%n", l.text(), m.precision(l), m.recall(l), m.f1(l), m.support(l)));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%-12s %9s %9s %9.4f %9d%n", "accuracy", "", "", m.accuracy(), m.total()));
        sb.append(String.format(Locale.ROOT, "%-12s %9.4f %9.4f %9.4f %9d%n", "macro avg",
                m.macro(m::precision), m.macro(m::recall), m.macro(m::f1), m.total()));
        sb.append(String.format(Locale.ROOT, "%-12s %9.4f %9.4f %9.4f %9d%n", "weighted avg",
                m.weighted(m::precision), m.weighted(m::recall), m.weighted(m::f1), m.total()));
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "Accuracy:      %.4f%n", m.accuracy()));
        sb.append(String.format(Locale.ROOT, "MCC (R_K):     %.4f%n", m.mcc()));
        sb.append(String.format(Locale.ROOT, "Cohen's kappa: %.4f%n", m.kappa()));
        return sb.toString();
    }

    /** Mean ± sd of accuracy, MCC and kappa over the folds. */
    private static String crossValidation(CrossValidationSummary cv) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d-fold stratified cross-validation (mean ± sd over folds):%n", cv.folds()));
        sb.append(String.format(Locale.ROOT, "  accuracy %.4f ± %.4f%n", Stats.mean(cv.accuracy()), Stats.sd(cv.accuracy())));
        sb.append(String.format(Locale.ROOT, "  MCC      %.4f ± %.4f%n", Stats.mean(cv.mcc()), Stats.sd(cv.mcc())));
        sb.append(String.format(Locale.ROOT, "  kappa    %.4f ± %.4f%n", Stats.mean(cv.kappa()), Stats.sd(cv.kappa())));
        return sb.toString();
    }

    /**
     * The moderators' review budget for bots and trolls together (ranked by p_bot + p_troll): share
     * caught, precision and lift at each budget, and the reviews it takes to catch 50 % and 80 %.
     */
    private static String reviewBudget(ReviewBudget budget) {
        ReviewBudget.Ranking r = budget.ranking("bot_or_troll");
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Review budget (top comments by p_bot + p_troll, %,d bots and trolls in %,d rows;%n",
                r.positives(), budget.rows()));
        sb.append("expected values with ties in random order; probabilities are class-weighted):\n\n");
        sb.append(String.format(Locale.ROOT, "%8s %8s %9s %9s %9s %6s%n", "top", "reviews", "caught", "capture", "precision", "lift"));
        for (ReviewBudget.Cut c : r.cuts()) {
            sb.append(String.format(Locale.ROOT, "%7d%% %8d %9.1f %8.1f%% %9.4f %6.2f%n", c.percent(), c.reviews(), c.caught(),
                    100 * c.captureRate(), c.precision(), c.lift()));
        }
        for (ReviewBudget.Reach x : r.reach()) {
            sb.append(String.format(Locale.ROOT, "Reviews to catch %d%% (%d): %s%n", x.percent(), x.target(),
                    Double.isNaN(x.reviews()) ? "-" : String.format(Locale.ROOT, "%.1f", x.reviews())));
        }
        return sb.toString();
    }

    /** All features with importance and a bar scaled to the largest. */
    public static String importance(List<FeatureImportance.Entry> entries) {
        double max = 0;
        for (FeatureImportance.Entry e : entries) {
            max = Math.max(max, e.importance());
        }
        StringBuilder sb = new StringBuilder();
        for (FeatureImportance.Entry e : entries) {
            sb.append(String.format(Locale.ROOT, "%-30s %.4f  %s%n", e.feature(), e.importance(), bar(e.importance(), max)));
        }
        return sb.toString();
    }

    /** Permutation importance: mean accuracy drop ± sd, with bars (negative drops get none). */
    public static String permutation(List<PermutationImportance.Entry> entries) {
        double max = 0;
        for (PermutationImportance.Entry e : entries) {
            max = Math.max(max, e.importance());
        }
        StringBuilder sb = new StringBuilder();
        for (PermutationImportance.Entry e : entries) {
            sb.append(String.format(Locale.ROOT, "%-30s %+.4f ± %.4f  %s%n", e.feature(), e.importance(), e.sd(), bar(e.importance(), max)));
        }
        return sb.toString();
    }

    private static String bar(double v, double max) {
        int n = max > 0 && v > 0 ? (int) Math.round(BAR_WIDTH * v / max) : 0;
        return "#".repeat(n);
    }

    /** The tree as indented rules; each leaf shows its class, training rows per class and the class probability. */
    public static String rules(DecisionTree tree) {
        StringBuilder sb = new StringBuilder();
        if (tree.root() instanceof DecisionTree.Leaf leaf) {
            sb.append(leafText(leaf)).append('\n');
        } else {
            rules(tree.root(), 0, sb);
        }
        return sb.toString();
    }

    private static void rules(DecisionTree.Node n, int depth, StringBuilder sb) {
        DecisionTree.Split s = (DecisionTree.Split) n;
        String name = FeatureSchema.NAMES.get(s.feature());
        String t = Numbers.compact(s.threshold());
        branch(name + " <= " + t, s.left(), depth, sb);
        branch(name + " > " + t, s.right(), depth, sb);
    }

    private static void branch(String condition, DecisionTree.Node child, int depth, StringBuilder sb) {
        sb.append("|   ".repeat(depth)).append(condition);
        if (child instanceof DecisionTree.Leaf leaf) {
            sb.append(": ").append(leafText(leaf)).append('\n');
        } else {
            sb.append('\n');
            rules(child, depth + 1, sb);
        }
    }

    /** e.g. {@code troll  (rows: bot 3, normal 50, troll 120; p=0.82)}. */
    static String leafText(DecisionTree.Leaf leaf) {
        Label predicted = leaf.predicted();
        StringBuilder sb = new StringBuilder(predicted.text()).append("  (rows:");
        Label[] ls = Label.values();
        for (int i = 0; i < ls.length; i++) {
            sb.append(i == 0 ? " " : ", ").append(ls[i].text()).append(' ').append(leaf.rows()[i]);
        }
        sb.append(String.format(Locale.ROOT, "; p=%.2f)", leaf.probabilities()[predicted.ordinal()]));
        return sb.toString();
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
