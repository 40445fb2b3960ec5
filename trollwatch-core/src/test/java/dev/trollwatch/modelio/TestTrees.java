package dev.trollwatch.modelio;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Hand-built and random trees and model infos for model-file tests. */
final class TestTrees {
    static final int KARMA = FeatureSchema.indexOf("author_comment_karma");
    static final int MAX_DIFF = FeatureSchema.indexOf("recent_max_diff_ratio");
    static final int NEG_SCORE = FeatureSchema.indexOf("recent_percent_neg_score");

    private TestTrees() {
    }

    /**
     * The depth-2 example of docs/model-format.md: recent_max_diff_ratio <= 0.8 → (recent_percent_neg_score
     * <= 25: normal, else troll), otherwise → (author_comment_karma <= 10000: bot, else bot).
     */
    static DecisionTree depthTwo() {
        return new DecisionTree(new DecisionTree.Split(MAX_DIFF, 0.8,
                new DecisionTree.Split(NEG_SCORE, 25.0,
                        leaf(50, 900, 30, 20, 900, 6),
                        leaf(12.5, 100, 250, 5, 100, 50)),
                new DecisionTree.Split(KARMA, 10000.0,
                        leaf(400, 30, 5, 160, 30, 1),
                        leaf(1500, 10, 0, 600, 10, 0))));
    }

    static DecisionTree.Leaf leaf(double wBot, double wNormal, double wTroll, long rBot, long rNormal, long rTroll) {
        return new DecisionTree.Leaf(new double[] {wBot, wNormal, wTroll}, new long[] {rBot, rNormal, rTroll});
    }

    static ModelInfo info(String id) {
        Map<Label, Double> weights = new EnumMap<>(Label.class);
        weights.put(Label.BOT, 2.5);
        weights.put(Label.NORMAL, 1.0);
        weights.put(Label.TROLL, 5.0);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("max_depth", 3);
        params.put("min_leaf", 100);
        params.put("confidence", 0.25);
        params.put("seed", 42);
        Map<String, Object> classWeights = new LinkedHashMap<>();
        classWeights.put("bot", 2.5);
        classWeights.put("normal", 1.0);
        classWeights.put("troll", 5.0);
        params.put("class_weights", classWeights);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", 0.91);
        metrics.put("mcc", 0.7);
        Map<Label, Long> rows = new EnumMap<>(Label.class);
        rows.put(Label.BOT, 785L);
        rows.put(Label.NORMAL, 1040L);
        rows.put(Label.TROLL, 57L);
        return new ModelInfo(id, "0.1.0", FeatureSchema.FEATURIZER_VERSION, FeatureSchema.NAMES, weights, params,
                metrics, "ab".repeat(32), rows, "2026-11-28T02:00:00Z");
    }

    /** A random full tree of this depth whose thresholds are drawn from {@code pool} values of each feature. */
    static DecisionTree random(Random rnd, int depth, double[][] pool) {
        return new DecisionTree(randomNode(rnd, depth, pool));
    }

    private static DecisionTree.Node randomNode(Random rnd, int depth, double[][] pool) {
        if (depth == 0) {
            return leaf(rnd.nextInt(500), rnd.nextInt(500) * 1.0, rnd.nextInt(100) * 5.0,
                    rnd.nextInt(200), rnd.nextInt(500), rnd.nextInt(100));
        }
        int f = rnd.nextInt(FeatureSchema.SIZE);
        double t = pool[rnd.nextInt(pool.length)][f];
        return new DecisionTree.Split(f, t, randomNode(rnd, depth - 1, pool), randomNode(rnd, depth - 1, pool));
    }

    /** Feature vectors shaped like real ones: 0/1 flags, integral karma and counts, ratios and means. */
    static double[][] randomRows(Random rnd, int n) {
        double[][] rows = new double[n][FeatureSchema.SIZE];
        for (double[] r : rows) {
            for (int f = 0; f < FeatureSchema.SIZE; f++) {
                r[f] = switch (f) {
                    case 0, 1, 4, 5 -> rnd.nextInt(2);
                    case 2, 3 -> Math.floor(Math.exp(rnd.nextDouble() * 14)) - 1;
                    case 6, 7 -> rnd.nextInt(21);
                    case 11 -> rnd.nextInt(21) * 5.0;
                    case 16, 17, 8, 9 -> rnd.nextDouble();
                    case 18, 19 -> rnd.nextDouble() * 2 - 1;
                    default -> rnd.nextGaussian() * 30;
                };
            }
        }
        return rows;
    }
}
