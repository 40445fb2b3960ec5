package dev.trollwatch.generate;

/**
 * The threads comments are posted in: a fixed number of established threads whose comment counts
 * grow as people post (now and then one dies and a newer one, with a higher {@code t3_} id, takes
 * its place), and a few threads just opened, with a handful of comments, where karma-farming
 * accounts comment early; those turn over fast.
 */
final class ThreadSimulator {
    private static final int ESTABLISHED = 400;
    private static final int FRESH = 40;
    private static final double TURNOVER = 0.01;
    private static final double FRESH_TURNOVER = 0.15;

    private final Rng rng;
    private final String[] linkIds = new String[ESTABLISHED + FRESH];
    private final double[] numComments = new double[ESTABLISHED + FRESH];
    private final boolean[] over18 = new boolean[ESTABLISHED + FRESH];
    private long nextId = Long.parseLong("a00000", 36);
    private int current;

    ThreadSimulator(Rng rng) {
        this.rng = rng;
        for (int i = 0; i < ESTABLISHED; i++) {
            open(i, Math.rint(rng.logNormal(150, 1.3)));
        }
        for (int i = ESTABLISHED; i < ESTABLISHED + FRESH; i++) {
            open(i, rng.nextInt(12));
        }
    }

    /** Chooses the thread for the next comment (a fresh one when {@code fresh}) and counts the comment in it. */
    void next(boolean fresh) {
        if (fresh) {
            if (rng.chance(FRESH_TURNOVER)) {
                open(ESTABLISHED + rng.nextInt(FRESH), 0);
            }
            current = ESTABLISHED + rng.nextInt(FRESH);
        } else {
            if (rng.chance(TURNOVER)) {
                open(rng.nextInt(ESTABLISHED), Math.rint(rng.logNormal(150, 1.3)));
            }
            current = rng.nextInt(ESTABLISHED);
        }
        numComments[current] += rng.geometric(fresh ? 2 : 3);
    }

    String linkId() {
        return linkIds[current];
    }

    double numComments() {
        return numComments[current];
    }

    boolean over18() {
        return over18[current];
    }

    private void open(int slot, double comments) {
        nextId += rng.between(1, 3000);
        linkIds[slot] = "t3_" + Long.toString(nextId, 36);
        numComments[slot] = comments;
        over18[slot] = rng.chance(0.04);
    }
}
