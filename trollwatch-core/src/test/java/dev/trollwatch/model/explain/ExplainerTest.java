package dev.trollwatch.model.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.modelio.TrainedFixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Explanations of every row of a generated dump, scored by a tree trained as {@code train} does:
 * the path holds for the row and ends in the predicting leaf, and the Shapley values are exact
 * (they sum to the probability, and match a brute-force average over all feature orderings).
 */
class ExplainerTest {
    private static final double EXACT = 1e-12;

    private static DecisionTree tree;
    private static List<FeatureRow> rows;

    @BeforeAll
    static void train() {
        rows = TrainedFixtures.features(TrainedFixtures.comments(4000, 1111));
        tree = TrainedFixtures.train(rows, "a".repeat(64)).tree();
        assertEquals(3, tree.depth(), "the fixture trains a full-depth tree");
    }

    @Test
    void everyPathConditionHoldsAndThePathEndsInThePredictingLeaf() {
        Set<Integer> leavesReached = new HashSet<>();
        for (FeatureRow row : rows) {
            double[] x = row.values();
            Explanation e = Explainer.explain(tree, x, BranchRule.TREE);
            DecisionTree.Leaf leaf = tree.leafFor(x);
            assertTrue(e.path().size() >= 1 && e.path().size() <= tree.depth(), row.author());
            for (PathCondition c : e.path()) {
                assertEquals(x[c.feature()], c.value(), row.author());
                assertTrue(c.left() ? x[c.feature()] <= c.threshold() : x[c.feature()] > c.threshold(),
                        row.author() + ": " + c.text());
            }
            assertSame(leaf, tree.leaves().get(e.leafIndex()), row.author());
            assertEquals(leaf.predicted(), e.predicted());
            assertEquals(List.of(leaf.rows()[0], leaf.rows()[1], leaf.rows()[2]),
                    List.of(e.support().rows()[0], e.support().rows()[1], e.support().rows()[2]));
            leavesReached.add(e.leafIndex());
        }
        assertTrue(leavesReached.size() >= 4, "rows reach " + leavesReached.size() + " leaves");
    }

    @Test
    void contributionsPlusBaseValueEqualEveryClassProbabilityOnEveryRow() {
        for (FeatureRow row : rows) {
            Explanation e = Explainer.explain(tree, row.values(), BranchRule.TREE);
            for (Label l : Label.values()) {
                double sum = e.shapley().base(l);
                for (double c : e.shapley().of(l)) {
                    sum += c;
                }
                assertEquals(e.probabilities()[l.ordinal()], sum, EXACT, row.author() + " " + l);
            }
        }
    }

    @Test
    void baseValueIsTheClassWeightedTrainingPrior() {
        double[] weight = new double[3];
        for (DecisionTree.Leaf leaf : tree.leaves()) {
            for (int c = 0; c < 3; c++) {
                weight[c] += leaf.weights()[c];
            }
        }
        double total = weight[0] + weight[1] + weight[2];
        ShapleyValues s = Explainer.explain(tree, rows.get(0).values(), BranchRule.TREE).shapley();
        for (Label l : Label.values()) {
            assertEquals(weight[l.ordinal()] / total, s.base(l), EXACT);
        }
    }

    @Test
    void shapleyValuesMatchBruteForceOverAllOrderingsOnTheTrainedTree() {
        for (FeatureRow row : rows.subList(0, 300)) {
            assertMatchesBruteForce(tree, row.values());
        }
    }

    @Test
    void shapleyValuesMatchBruteForceOnRandomTreesWithSevenFeaturesAndRepeatedSplits() {
        Random random = new Random(5);
        for (int t = 0; t < 40; t++) {
            DecisionTree random3 = randomTree(random, 3, t % 2 == 0);
            int used = TreeShapley.usedFeatures(random3).length;
            assertTrue(used >= 1 && used <= 7);
            for (int r = 0; r < 20; r++) {
                double[] x = new double[FeatureSchema.SIZE];
                for (int f = 0; f < x.length; f++) {
                    x[f] = random.nextDouble();
                }
                assertMatchesBruteForce(random3, x);
            }
        }
    }

    @Test
    void deepTreesOnManyFeaturesMatchTheShapleyFormulaOverEveryCoalition() {
        Random random = new Random(11);
        for (int t = 0; t < 30; t++) {
            int[] pool = random.ints(0, FeatureSchema.SIZE).distinct().limit(6 + t % 6).toArray();
            DecisionTree deep = new DecisionTree(randomDeepNode(random, 8, pool));
            for (int r = 0; r < 4; r++) {
                double[] x = random.doubles(FeatureSchema.SIZE).toArray();
                double[][] expected = BruteForceShapley.overCoalitions(deep, x);
                ShapleyValues actual = TreeShapley.of(deep, x, BranchRule.TREE);
                for (int c = 0; c < 3; c++) {
                    for (int f = 0; f < FeatureSchema.SIZE; f++) {
                        assertEquals(expected[c][f], actual.contributions()[c][f], EXACT, "tree " + t + ", class " + c + ", feature " + f);
                    }
                }
            }
        }
    }

    @Test
    void aTreeOnAllTwentyFeaturesAddsUpToItsPrediction() {
        Random random = new Random(12);
        int[] all = java.util.stream.IntStream.range(0, FeatureSchema.SIZE).toArray();
        DecisionTree big = new DecisionTree(randomDeepNode(random, 14, all));
        assertEquals(FeatureSchema.SIZE, TreeShapley.usedFeatures(big).length);
        for (int r = 0; r < 200; r++) {
            double[] x = random.doubles(FeatureSchema.SIZE).toArray();
            Explanation e = Explainer.explain(big, x, BranchRule.TREE);
            for (Label l : Label.values()) {
                double sum = e.shapley().base(l);
                for (double v : e.shapley().of(l)) {
                    sum += v;
                }
                assertEquals(e.probabilities()[l.ordinal()], sum, EXACT, "row " + r + ", " + l);
            }
        }
    }

    /**
     * A lopsided tree down to {@code depth}, splitting on features of {@code pool} (so features repeat
     * along paths), with some leaves of no training weight: splits whose cover is zero on one side or both.
     */
    private static DecisionTree.Node randomDeepNode(Random random, int depth, int[] pool) {
        if (depth == 0 || random.nextInt(5) == 0) {
            double[] w = new double[3];
            long[] rows = new long[3];
            if (random.nextInt(6) > 0) {
                for (int c = 0; c < 3; c++) {
                    rows[c] = random.nextInt(40);
                    w[c] = rows[c] * (1 + random.nextInt(5));
                }
            }
            return new DecisionTree.Leaf(w, rows);
        }
        return new DecisionTree.Split(pool[random.nextInt(pool.length)], random.nextDouble(),
                randomDeepNode(random, depth - 1, pool), randomDeepNode(random, depth - 1, pool));
    }

    @Test
    void unusedFeaturesContributeNothingAndAUsedFeatureCanMatter() {
        int[] used = TreeShapley.usedFeatures(tree);
        Set<Integer> usedSet = new HashSet<>();
        for (int f : used) {
            usedSet.add(f);
        }
        double largest = 0;
        for (FeatureRow row : rows.subList(0, 500)) {
            double[] phi = Explainer.explain(tree, row.values(), BranchRule.TREE).contributions();
            for (int f = 0; f < phi.length; f++) {
                if (!usedSet.contains(f)) {
                    assertEquals(0.0, phi[f], 0.0, FeatureSchema.NAMES.get(f));
                }
                largest = Math.max(largest, Math.abs(phi[f]));
            }
        }
        assertTrue(largest > 0.05, "some contribution is sizeable: " + largest);
    }

    @Test
    void pathTextReadsLikeTheIssue() {
        int diff = FeatureSchema.indexOf("recent_avg_diff_ratio");
        int link = FeatureSchema.indexOf("author_link_karma");
        DecisionTree t = new DecisionTree(new DecisionTree.Split(diff, 0.349,
                new DecisionTree.Leaf(new double[] {0, 10, 0}, new long[] {0, 10, 0}),
                new DecisionTree.Split(link, 1811,
                        new DecisionTree.Leaf(new double[] {25, 2, 0}, new long[] {10, 2, 0}),
                        new DecisionTree.Leaf(new double[] {0, 1, 10}, new long[] {0, 1, 2}))));
        double[] x = new double[FeatureSchema.SIZE];
        x[diff] = 0.81;
        x[link] = 120;
        Explanation e = Explainer.explain(t, x, BranchRule.TREE);
        assertEquals("recent_avg_diff_ratio 0.81 > 0.349 · author_link_karma 120 ≤ 1811 → bot", e.pathText());
        assertArrayEquals(new long[] {10, 2, 0}, e.support().rows()); // bot, normal, troll
        assertEquals(10.0 / 12, e.support().frequencies()[0], EXACT);
        assertEquals(25.0 / 27, e.probabilities()[0], EXACT);
    }

    @Test
    void aPathComparedInFloat32ShowsTheValueItCompared() {
        // float32(0.4) = 0.4000000059604645 > 0.4: the text read "recent_avg_diff_ratio 0.4 > 0.4"
        int diff = FeatureSchema.indexOf("recent_avg_diff_ratio");
        DecisionTree t = new DecisionTree(new DecisionTree.Split(diff, 0.4,
                new DecisionTree.Leaf(new double[] {0, 10, 0}, new long[] {0, 10, 0}),
                new DecisionTree.Leaf(new double[] {10, 0, 0}, new long[] {4, 0, 0})),
                DecisionTree.FeaturePrecision.FLOAT32);
        double[] x = new double[FeatureSchema.SIZE];
        x[diff] = 0.4;
        Explanation e = Explainer.explain(t, x, t::goesLeft);
        assertEquals("recent_avg_diff_ratio 0.40000001 > 0.4 → bot", e.pathText());
        assertEquals(0.4, e.path().get(0).value(), EXACT); // the row's own value stays in the path's data
        x[diff] = 0.3;
        assertEquals("recent_avg_diff_ratio 0.3 ≤ 0.4 → normal", Explainer.explain(t, x, t::goesLeft).pathText());
    }

    /** A full tree of this depth over random features (with {@code repeat}, the root's feature is split again below). */
    private static DecisionTree randomTree(Random random, int depth, boolean repeat) {
        int rootFeature = random.nextInt(FeatureSchema.SIZE);
        return new DecisionTree(randomNode(random, depth, repeat ? rootFeature : -1, rootFeature));
    }

    private static DecisionTree.Node randomNode(Random random, int depth, int repeatFeature, int feature) {
        if (depth == 0) {
            double[] w = new double[3];
            long[] r = new long[3];
            for (int c = 0; c < 3; c++) {
                r[c] = random.nextInt(50);
                w[c] = r[c] * (1 + random.nextInt(5));
            }
            return new DecisionTree.Leaf(w, r);
        }
        int next = repeatFeature >= 0 && random.nextBoolean() ? repeatFeature : random.nextInt(FeatureSchema.SIZE);
        return new DecisionTree.Split(feature, random.nextDouble(),
                randomNode(random, depth - 1, repeatFeature, next),
                randomNode(random, depth - 1, repeatFeature, random.nextInt(FeatureSchema.SIZE)));
    }

    private static void assertMatchesBruteForce(DecisionTree t, double[] x) {
        double[][] expected = BruteForceShapley.of(t, x);
        ShapleyValues actual = TreeShapley.of(t, x, BranchRule.TREE);
        for (int c = 0; c < 3; c++) {
            for (int f = 0; f < FeatureSchema.SIZE; f++) {
                assertEquals(expected[c][f], actual.contributions()[c][f], EXACT, "class " + c + ", feature " + f);
            }
        }
    }

    /**
     * Shapley values by definition: the marginal contribution of each feature averaged over every
     * ordering of the used features, with a coalition's value computed leaf by leaf (the chance of
     * reaching each leaf times its probabilities) rather than by recursion.
     */
    static final class BruteForceShapley {
        static double[][] of(DecisionTree t, double[] x) {
            int[] used = TreeShapley.usedFeatures(t);
            double[][] phi = new double[3][FeatureSchema.SIZE];
            List<int[]> orders = new ArrayList<>();
            permutations(used, 0, orders);
            for (int[] order : orders) {
                Set<Integer> coalition = new HashSet<>();
                double[] before = value(t, x, coalition);
                for (int f : order) {
                    coalition.add(f);
                    double[] after = value(t, x, coalition);
                    for (int c = 0; c < 3; c++) {
                        phi[c][f] += (after[c] - before[c]) / orders.size();
                    }
                    before = after;
                }
            }
            return phi;
        }

        /** The Shapley formula itself: for each feature, its weighted marginal value over every coalition without it. */
        static double[][] overCoalitions(DecisionTree t, double[] x) {
            int[] used = TreeShapley.usedFeatures(t);
            int m = used.length;
            double[][] value = new double[1 << m][];
            for (int mask = 0; mask < value.length; mask++) {
                Set<Integer> known = new HashSet<>();
                for (int i = 0; i < m; i++) {
                    if ((mask & (1 << i)) != 0) {
                        known.add(used[i]);
                    }
                }
                value[mask] = value(t, x, known);
            }
            double[] factorial = new double[m + 1];
            factorial[0] = 1;
            for (int i = 1; i <= m; i++) {
                factorial[i] = factorial[i - 1] * i;
            }
            double[][] phi = new double[3][FeatureSchema.SIZE];
            for (int i = 0; i < m; i++) {
                for (int mask = 0; mask < value.length; mask++) {
                    if ((mask & (1 << i)) == 0) {
                        int s = Integer.bitCount(mask);
                        double weight = factorial[s] * factorial[m - s - 1] / factorial[m];
                        for (int c = 0; c < 3; c++) {
                            phi[c][used[i]] += weight * (value[mask | (1 << i)][c] - value[mask][c]);
                        }
                    }
                }
            }
            return phi;
        }

        private static double[] value(DecisionTree t, double[] x, Set<Integer> known) {
            double[] v = new double[3];
            reach(t.root(), 1.0, x, known, v);
            return v;
        }

        private static void reach(DecisionTree.Node n, double chance, double[] x, Set<Integer> known, double[] v) {
            if (n instanceof DecisionTree.Leaf leaf) {
                double[] p = leaf.probabilities();
                for (int c = 0; c < 3; c++) {
                    v[c] += chance * p[c];
                }
                return;
            }
            DecisionTree.Split s = (DecisionTree.Split) n;
            if (known.contains(s.feature())) {
                reach(x[s.feature()] <= s.threshold() ? s.left() : s.right(), chance, x, known, v);
                return;
            }
            double l = weight(s.left());
            double r = weight(s.right());
            double share = l + r > 0 ? l / (l + r) : 0.5;
            reach(s.left(), chance * share, x, known, v);
            reach(s.right(), chance * (1 - share), x, known, v);
        }

        private static double weight(DecisionTree.Node n) {
            double w = 0;
            for (DecisionTree.Leaf leaf : new DecisionTree(n).leaves()) {
                for (double x : leaf.weights()) {
                    w += x;
                }
            }
            return w;
        }

        private static void permutations(int[] a, int k, List<int[]> out) {
            if (k == a.length) {
                out.add(a.clone());
                return;
            }
            for (int i = k; i < a.length; i++) {
                int tmp = a[k];
                a[k] = a[i];
                a[i] = tmp;
                permutations(a, k + 1, out);
                a[i] = a[k];
                a[k] = tmp;
            }
        }
    }
}
