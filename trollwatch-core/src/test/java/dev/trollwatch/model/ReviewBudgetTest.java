package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The review budget against brute force over the ranked rows with random tie-breaking: exactly,
 * by averaging over every ordering of a small set of rows, and statistically, by averaging over
 * many seeded shuffles of a large one (tolerance: 5 standard errors of that average, measured
 * from the shuffles themselves, so a wrong formula off by more than noise fails).
 */
class ReviewBudgetTest {
    private static final double[][] LEAVES = { // few distinct scores, as a depth-3 tree gives
        {0.9, 0.1, 0.0}, {0.2, 0.7, 0.1}, {0.05, 0.9, 0.05}, {0.1, 0.3, 0.6}, {0.3, 0.2, 0.5}};

    @Test
    void nanScoresFormOneBlockInsteadOfLoopingForever() {
        // NaN == NaN is false: a block of NaN scores never ended, and the loop filled the heap.
        double[] nan = {Double.NaN, Double.NaN, Double.NaN};
        List<double[]> p = List.of(LEAVES[0], nan, nan, LEAVES[1]);
        List<Label> truth = List.of(Label.BOT, Label.TROLL, Label.NORMAL, Label.NORMAL);
        ReviewBudget.Ranking r = ReviewBudget.of(p, truth).ranking("bot_or_troll");
        assertEquals(2, r.positives());
        List<ReviewBudget.GainPoint> curve = r.curve();
        assertEquals(new ReviewBudget.GainPoint(4, 2), curve.get(curve.size() - 1), "every row is in the curve once");
        assertEquals(4, curve.size(), "blocks: 0, the 0.9 row, the 0.3 row, the two NaN rows");
    }

    @Test
    void equalsTheExactAverageOverEveryOrderingOfTiedRows() {
        Random random = new Random(3);
        List<double[]> p = new ArrayList<>();
        List<Label> truth = new ArrayList<>();
        for (int i = 0; i < 9; i++) { // 9! = 362,880 orderings
            p.add(LEAVES[random.nextInt(3) + 1]);
            truth.add(Label.values()[random.nextInt(3)]);
        }
        ReviewBudget budget = ReviewBudget.of(p, truth);
        for (ReviewBudget.Ranking ranking : budget.rankings()) {
            Brute brute = new Brute(p, truth, ranking.name());
            double[] caught = new double[p.size() + 1];
            double[] reach = new double[ReviewBudget.TARGETS.size()];
            long[] orderings = {0};
            permute(brute.indices(), 0, order -> {
                orderings[0]++;
                brute.accumulate(order, caught, reach, ranking);
            });
            for (ReviewBudget.Cut c : ranking.cuts()) {
                assertEquals(caught[(int) c.reviews()] / orderings[0], c.caught(), 1e-12, ranking.name() + " " + c.percent() + "%");
            }
            for (int t = 0; t < reach.length; t++) {
                if (ranking.positives() > 0) {
                    assertEquals(reach[t] / orderings[0], ranking.reach().get(t).reviews(), 1e-9, ranking.name() + " reach");
                }
            }
        }
    }

    @Test
    void agreesWithTheAverageOverManyRandomTieBreaks() {
        Random random = new Random(11);
        List<double[]> p = new ArrayList<>();
        List<Label> truth = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            int leaf = random.nextInt(LEAVES.length);
            p.add(LEAVES[leaf]);
            // the wanted classes are likelier in high-scoring leaves, as with a real model
            double u = random.nextDouble();
            truth.add(u < LEAVES[leaf][0] ? Label.BOT : u < LEAVES[leaf][0] + LEAVES[leaf][2] ? Label.TROLL : Label.NORMAL);
        }
        ReviewBudget budget = ReviewBudget.of(p, truth);
        int shuffles = 4000;
        for (ReviewBudget.Ranking ranking : budget.rankings()) {
            Brute brute = new Brute(p, truth, ranking.name());
            int cuts = ranking.cuts().size();
            double[][] caughtSamples = new double[cuts][shuffles];
            double[][] reachSamples = new double[ReviewBudget.TARGETS.size()][shuffles];
            Random shuffle = new Random(99);
            for (int s = 0; s < shuffles; s++) {
                List<Integer> order = brute.indices();
                Collections.shuffle(order, shuffle);
                order.sort(brute.byScore()); // stable: ties stay in the shuffled order
                for (int c = 0; c < cuts; c++) {
                    caughtSamples[c][s] = brute.caughtInTop(order, ranking.cuts().get(c).reviews());
                }
                for (int t = 0; t < reachSamples.length; t++) {
                    reachSamples[t][s] = brute.reviewsToReach(order, ranking.reach().get(t).target());
                }
            }
            for (int c = 0; c < cuts; c++) {
                assertClose(caughtSamples[c], ranking.cuts().get(c).caught(), ranking.name() + " caught at " + ranking.cuts().get(c).percent() + "%");
            }
            for (int t = 0; t < reachSamples.length; t++) {
                assertClose(reachSamples[t], ranking.reach().get(t).reviews(), ranking.name() + " reviews to " + ReviewBudget.TARGETS.get(t) + "%");
            }
        }
        ReviewBudget.Cut tenPercent = budget.ranking("bot_or_troll").cuts().get(3);
        assertEquals(70, tenPercent.reviews());
        assertTrue(tenPercent.lift() > 1, "ranking by score beats random review: lift " + tenPercent.lift());
    }

    @Test
    void figuresFollowFromCaughtRows() {
        List<double[]> p = List.of(LEAVES[0], LEAVES[0], LEAVES[3], LEAVES[2], LEAVES[2], LEAVES[2], LEAVES[2], LEAVES[2], LEAVES[2], LEAVES[2]);
        List<Label> truth = List.of(Label.BOT, Label.NORMAL, Label.TROLL, Label.NORMAL, Label.BOT, Label.NORMAL, Label.NORMAL,
                Label.NORMAL, Label.NORMAL, Label.NORMAL);
        ReviewBudget.Ranking r = ReviewBudget.of(p, truth).ranking("bot_or_troll");
        assertEquals(3, r.positives());
        ReviewBudget.Cut twenty = r.cuts().get(4); // 2 reviews: the two 0.9 rows, one bot among them
        assertEquals(2, twenty.reviews());
        assertEquals(1.0, twenty.caught(), 1e-12);
        assertEquals(1.0 / 3, twenty.captureRate(), 1e-12);
        assertEquals(0.5, twenty.precision(), 1e-12);
        assertEquals(0.5 / 0.3, twenty.lift(), 1e-12);
        // 80 % of 3 = 3 rows (rounded up): two blocks (3 rows, 2 caught), then the 1st of 1 among 7: 3 + 8/2
        assertEquals(3, r.reach().get(1).target());
        assertEquals(7.0, r.reach().get(1).reviews(), 1e-12);
        assertEquals(List.of(new ReviewBudget.GainPoint(0, 0), new ReviewBudget.GainPoint(2, 1),
                new ReviewBudget.GainPoint(3, 2), new ReviewBudget.GainPoint(10, 3)), r.curve());
    }

    private static void assertClose(double[] samples, double expected, String what) {
        double mean = Stats.mean(samples);
        double se = Stats.sd(samples) / Math.sqrt(samples.length);
        assertEquals(mean, expected, Math.max(5 * se, 1e-9), what + " (mean of shuffles " + mean + ", s.e. " + se + ")");
    }

    private static void permute(List<Integer> a, int k, java.util.function.Consumer<List<Integer>> each) {
        if (k == a.size()) {
            each.accept(a);
            return;
        }
        for (int i = k; i < a.size(); i++) {
            Collections.swap(a, k, i);
            permute(a, k + 1, each);
            Collections.swap(a, k, i);
        }
    }

    /** The rows as one ranking sees them, and the figures of one concrete order. */
    private static final class Brute {
        private final double[] score;
        private final boolean[] wanted;

        Brute(List<double[]> p, List<Label> truth, String ranking) {
            score = new double[p.size()];
            wanted = new boolean[p.size()];
            for (int i = 0; i < score.length; i++) {
                double[] q = p.get(i);
                Label l = truth.get(i);
                switch (ranking) {
                    case "bot_or_troll" -> {
                        score[i] = q[0] + q[2];
                        wanted[i] = l != Label.NORMAL;
                    }
                    case "bot" -> {
                        score[i] = q[0];
                        wanted[i] = l == Label.BOT;
                    }
                    default -> {
                        score[i] = q[2];
                        wanted[i] = l == Label.TROLL;
                    }
                }
            }
        }

        List<Integer> indices() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < score.length; i++) {
                out.add(i);
            }
            return out;
        }

        Comparator<Integer> byScore() {
            return Comparator.comparingDouble(i -> -score[i]);
        }

        /** For every ordering: sorts a copy by score keeping the given order within ties. */
        void accumulate(List<Integer> permutation, double[] caught, double[] reach, ReviewBudget.Ranking ranking) {
            List<Integer> order = new ArrayList<>(permutation);
            order.sort(byScore());
            for (int n = 0; n < caught.length; n++) {
                caught[n] += caughtInTop(order, n);
            }
            for (int t = 0; t < reach.length; t++) {
                reach[t] += reviewsToReach(order, ranking.reach().get(t).target());
            }
        }

        double caughtInTop(List<Integer> order, long n) {
            int c = 0;
            for (int i = 0; i < n; i++) {
                c += wanted[order.get(i)] ? 1 : 0;
            }
            return c;
        }

        double reviewsToReach(List<Integer> order, long target) {
            int c = 0;
            for (int i = 0; i < order.size(); i++) {
                if (c >= target) {
                    return i;
                }
                c += wanted[order.get(i)] ? 1 : 0;
            }
            return order.size();
        }
    }
}
