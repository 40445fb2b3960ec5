package dev.trollwatch.model;

import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The moderators' review budget: if they review the top k % of comments ranked by the model's
 * score, how many of the wanted comments they catch. Three rankings: bots and trolls together by
 * P(bot) + P(troll), bots by P(bot), trolls by P(troll) (class-weighted probabilities, the model's
 * output). A depth-3 tree gives at most 8 distinct scores, so a cut-off usually falls inside a
 * block of tied scores; every figure is the expected value when the order within a tied block is
 * random: the rows caught grow linearly inside a block (a uniform random subset of m of its b rows
 * holds m·p/b of its p positives on average), and the reviews needed to reach the T-th positive
 * inside a block, after its first r−1, are r·(b+1)/(p+1) rows of it on average (the mean position
 * of the r-th of p marked rows in a random order of b).
 *
 * @param rows     rows ranked (the evaluated rows)
 * @param rankings bots and trolls, bots, trolls, in that order
 */
public record ReviewBudget(long rows, List<Ranking> rankings) {
    /** The budgets reported, in percent of the rows. */
    public static final List<Integer> PERCENTS = List.of(1, 2, 5, 10, 20);
    /** The capture targets reported, in percent of the wanted rows. */
    static final List<Integer> TARGETS = List.of(50, 80);

    /**
     * One ranking's figures.
     *
     * @param name      {@code bot_or_troll}, {@code bot} or {@code troll}
     * @param positives rows of the wanted classes
     * @param cuts      one per {@link #PERCENTS}
     * @param reach     one per {@link #TARGETS}
     * @param curve     the cumulative-gain curve's corners (block ends), from (0, 0) to (rows, positives);
     *                  the expected curve is linear between them
     */
    public record Ranking(String name, long positives, List<Cut> cuts, List<Reach> reach, List<GainPoint> curve) {
    }

    /**
     * Reviewing the top {@code percent} % ({@code reviews} rows, rounded up).
     *
     * @param caught      expected wanted rows among them
     * @param captureRate caught / all wanted rows (0 when there are none)
     * @param precision   caught / reviews
     * @param lift        precision / the wanted rows' share of all rows (0 when there are none)
     */
    public record Cut(int percent, long reviews, double caught, double captureRate, double precision, double lift) {
    }

    /**
     * The expected reviews to catch {@code percent} % of the wanted rows ({@code target} rows, rounded
     * up); NaN when there are no wanted rows.
     */
    public record Reach(int percent, long target, double reviews) {
    }

    /** A corner of the cumulative-gain curve: after {@code reviews} rows, {@code caught} wanted rows. */
    public record GainPoint(long reviews, double caught) {
    }

    /** Rows as (probabilities in {@link Label} order, true class) pairs. */
    public static ReviewBudget of(List<double[]> probabilities, List<Label> truth) {
        if (probabilities.size() != truth.size()) {
            throw new IllegalArgumentException("one true class per row");
        }
        int n = probabilities.size();
        List<Ranking> rankings = new ArrayList<>();
        rankings.add(rank("bot_or_troll", probabilities, truth, p -> p[Label.BOT.ordinal()] + p[Label.TROLL.ordinal()],
                l -> l == Label.BOT || l == Label.TROLL));
        rankings.add(rank("bot", probabilities, truth, p -> p[Label.BOT.ordinal()], l -> l == Label.BOT));
        rankings.add(rank("troll", probabilities, truth, p -> p[Label.TROLL.ordinal()], l -> l == Label.TROLL));
        return new ReviewBudget(n, List.copyOf(rankings));
    }

    /** The ranking of this name. */
    public Ranking ranking(String name) {
        for (Ranking r : rankings) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no ranking " + name);
    }

    /** Reviews for the top {@code percent} % of {@code n} rows, rounded up. */
    private static long reviewsFor(int percent, long n) {
        return (percent * n + 99) / 100;
    }

    private static Ranking rank(String name, List<double[]> probabilities, List<Label> truth,
            java.util.function.ToDoubleFunction<double[]> score, java.util.function.Predicate<Label> wanted) {
        int n = probabilities.size();
        double[] s = new double[n];
        boolean[] w = new boolean[n];
        long positives = 0;
        for (int i = 0; i < n; i++) {
            s[i] = score.applyAsDouble(probabilities.get(i));
            w[i] = wanted.test(truth.get(i));
            positives += w[i] ? 1 : 0;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -s[i]));
        List<long[]> blocks = new ArrayList<>(); // {rows, positives}, highest score first
        for (int i = 0; i < n; ) {
            int j = i;
            long p = 0;
            // compare, not ==: NaN == NaN is false, and a NaN score never ended its block (an
            // endless loop filling the heap)
            while (j < n && Double.compare(s[order[j]], s[order[i]]) == 0) {
                p += w[order[j]] ? 1 : 0;
                j++;
            }
            blocks.add(new long[] {j - i, p});
            i = j;
        }
        List<GainPoint> curve = new ArrayList<>();
        curve.add(new GainPoint(0, 0));
        long rowsSoFar = 0;
        long caughtSoFar = 0;
        for (long[] b : blocks) {
            rowsSoFar += b[0];
            caughtSoFar += b[1];
            curve.add(new GainPoint(rowsSoFar, caughtSoFar));
        }
        double baseRate = n == 0 ? 0 : (double) positives / n;
        List<Cut> cuts = new ArrayList<>();
        for (int percent : PERCENTS) {
            long reviews = reviewsFor(percent, n);
            double caught = expectedCaught(blocks, reviews);
            double precision = reviews == 0 ? 0 : caught / reviews;
            cuts.add(new Cut(percent, reviews, caught, positives == 0 ? 0 : caught / positives, precision,
                    baseRate == 0 ? 0 : precision / baseRate));
        }
        List<Reach> reach = new ArrayList<>();
        for (int percent : TARGETS) {
            long target = (percent * positives + 99) / 100;
            reach.add(new Reach(percent, target, positives == 0 ? Double.NaN : expectedReviews(blocks, target)));
        }
        return new Ranking(name, positives, List.copyOf(cuts), List.copyOf(reach), List.copyOf(curve));
    }

    /** Expected wanted rows in the first {@code reviews} rows: whole blocks, then a linear share of the cut block. */
    private static double expectedCaught(List<long[]> blocks, long reviews) {
        double caught = 0;
        long left = reviews;
        for (long[] b : blocks) {
            if (left <= 0) {
                break;
            }
            long take = Math.min(left, b[0]);
            caught += take == b[0] ? b[1] : (double) take * b[1] / b[0];
            left -= take;
        }
        return caught;
    }

    /** Expected rows reviewed until the {@code target}-th wanted row is found (0 for target 0). */
    private static double expectedReviews(List<long[]> blocks, long target) {
        long rowsBefore = 0;
        long caughtBefore = 0;
        for (long[] b : blocks) {
            if (caughtBefore + b[1] >= target) {
                long r = target - caughtBefore;
                return rowsBefore + (double) r * (b[0] + 1) / (b[1] + 1);
            }
            rowsBefore += b[0];
            caughtBefore += b[1];
        }
        return rowsBefore;
    }
}
