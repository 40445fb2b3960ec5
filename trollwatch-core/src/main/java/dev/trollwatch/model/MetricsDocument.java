package dev.trollwatch.model;

import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics file's content as ordered maps and lists (schema: docs/metrics-json.md). The
 * top-level keys {@code accuracy, mcc, kappa, confusion_matrix, per_class, feature_importance,
 * tree, params, data} are fixed for CI scripts; everything in it is a pure function of the input
 * and options except {@code created_at}.
 */
public final class MetricsDocument {
    /** Version of the metrics file layout; bumped when a key changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 1;

    private MetricsDocument() {
    }

    /**
     * How this evaluation ran, beyond the model's own parameters.
     *
     * @param permutationRepeats repeats of permutation importance (0 = not computed)
     * @param seed               the seed this run used: training's for {@code train}, {@code --seed} for
     *                           {@code evaluate} (whose permutations it drives; the model's own seed is in params)
     * @param qualityGates       {@code evaluate}'s gate results, or null
     */
    public record Run(int permutationRepeats, long seed, List<Map<String, Object>> qualityGates) {
    }

    /**
     * @param command   {@code train} or {@code evaluate}
     * @param tree      the model's tree
     * @param info      the model's facts (id, training parameters)
     * @param modelPath where it is (or was saved)
     */
    public static Map<String, Object> of(String command, EvaluationResult eval, DecisionTree tree, ModelInfo info, String modelPath,
            DataFacts data, Run run, String toolVersion, String createdAt) {
        ConfusionMatrix m = eval.matrix();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema_version", SCHEMA_VERSION);
        doc.put("command", command);
        doc.put("accuracy", m.accuracy());
        doc.put("mcc", m.mcc());
        doc.put("kappa", m.kappa());
        doc.put("confusion_matrix", confusion(m));
        doc.put("per_class", perClass(m));
        doc.put("macro_avg", averages(m, true));
        doc.put("weighted_avg", averages(m, false));
        List<Map<String, Object>> imp = new ArrayList<>();
        for (FeatureImportance.Entry e : eval.importance()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("feature", e.feature());
            x.put("importance", e.importance());
            imp.add(x);
        }
        doc.put("feature_importance", imp);
        if (!eval.permutation().isEmpty()) {
            List<Map<String, Object>> perm = new ArrayList<>();
            for (PermutationImportance.Entry e : eval.permutation()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("feature", e.feature());
                x.put("importance", e.importance());
                x.put("sd", e.sd());
                perm.add(x);
            }
            doc.put("permutation_importance", perm);
            doc.put("permutation_repeats", run.permutationRepeats());
        }
        if (eval.cv() != null) {
            doc.put("cross_validation", crossValidation(eval.cv()));
        }
        if (eval.budget() != null) {
            doc.put("review_budget", reviewBudget(eval.budget()));
        }
        doc.put("tree", treeSummary(tree));
        Map<String, Object> modelRef = new LinkedHashMap<>();
        modelRef.put("model_id", info.modelId());
        modelRef.put("path", modelPath);
        doc.put("model", modelRef);
        doc.put("params", info.params());
        doc.put("data", data(data));
        if (run.qualityGates() != null) {
            doc.put("quality_gates", run.qualityGates());
        }
        doc.put("tool_version", toolVersion);
        doc.put("seed", run.seed());
        doc.put("created_at", createdAt);
        return doc;
    }

    private static Map<String, Object> confusion(ConfusionMatrix m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Label t : Label.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Label p : Label.values()) {
                row.put(p.text(), m.count(t, p));
            }
            out.put(t.text(), row);
        }
        return out;
    }

    private static Map<String, Object> perClass(ConfusionMatrix m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Label l : Label.values()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("precision", m.precision(l));
            c.put("recall", m.recall(l));
            c.put("f1", m.f1(l));
            c.put("support", m.support(l));
            out.put(l.text(), c);
        }
        return out;
    }

    private static Map<String, Object> averages(ConfusionMatrix m, boolean macro) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("precision", macro ? m.macro(m::precision) : m.weighted(m::precision));
        c.put("recall", macro ? m.macro(m::recall) : m.weighted(m::recall));
        c.put("f1", macro ? m.macro(m::f1) : m.weighted(m::f1));
        return c;
    }

    private static Map<String, Object> crossValidation(CrossValidationSummary cv) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("folds", cv.folds());
        out.put("accuracy", meanSd(cv.accuracy()));
        out.put("mcc", meanSd(cv.mcc()));
        out.put("kappa", meanSd(cv.kappa()));
        return out;
    }

    private static Map<String, Object> reviewBudget(ReviewBudget b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", b.rows());
        out.put("tie_breaking", "expected value under random order within tied scores");
        out.put("probabilities", "class-weighted");
        for (ReviewBudget.Ranking r : b.rankings()) {
            Map<String, Object> ranking = new LinkedHashMap<>();
            ranking.put("ranked_by", switch (r.name()) {
                case "bot_or_troll" -> "p_bot + p_troll";
                default -> "p_" + r.name();
            });
            ranking.put("positives", r.positives());
            List<Map<String, Object>> cuts = new ArrayList<>();
            for (ReviewBudget.Cut c : r.cuts()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("top_percent", c.percent());
                x.put("reviews", c.reviews());
                x.put("caught", c.caught());
                x.put("capture_rate", c.captureRate());
                x.put("precision", c.precision());
                x.put("lift", c.lift());
                cuts.add(x);
            }
            ranking.put("top", cuts);
            Map<String, Object> reach = new LinkedHashMap<>();
            for (ReviewBudget.Reach x : r.reach()) {
                reach.put("catch_" + x.percent() + "_percent", Double.isNaN(x.reviews()) ? null : x.reviews());
            }
            ranking.put("reviews_to", reach);
            out.put(r.name(), ranking);
        }
        return out;
    }

    private static Map<String, Object> meanSd(double[] v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mean", Stats.mean(v));
        out.put("sd", Stats.sd(v));
        out.put("per_fold", Arrays.stream(v).boxed().toList());
        return out;
    }

    private static Map<String, Object> treeSummary(DecisionTree t) {
        long minRows = Long.MAX_VALUE;
        for (DecisionTree.Leaf l : t.leaves()) {
            minRows = Math.min(minRows, Arrays.stream(l.rows()).sum());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("depth", t.depth());
        out.put("leaves", t.leaves().size());
        out.put("min_leaf_rows", minRows);
        out.put("nodes", 2 * t.leaves().size() - 1);
        return out;
    }

    private static Map<String, Object> data(DataFacts d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("input", d.input());
        out.put("sha256", d.sha256());
        out.put("rows_read", d.prepared().rowsRead());
        out.put("duplicates_dropped", d.prepared().duplicatesDropped());
        out.put("relabelled", d.prepared().relabelled());
        out.put("rows", d.prepared().rows().size());
        if (d.testInput() != null) {
            out.put("test_input", d.testInput());
            out.put("test_sha256", d.testSha256());
        }
        Map<String, Object> perClass = new LinkedHashMap<>();
        if (d.trainRows() != null) {
            perClass.put("train", byName(d.trainRows()));
        }
        perClass.put("test", byName(d.testRows()));
        out.put("rows_per_class", perClass);
        return out;
    }

    private static Map<String, Object> byName(Map<Label, Long> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Label l : Label.values()) {
            out.put(l.text(), m.getOrDefault(l, 0L));
        }
        return out;
    }
}
