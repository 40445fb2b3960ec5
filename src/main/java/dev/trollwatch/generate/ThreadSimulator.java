package dev.trollwatch.generate;

/**
 * The threads comments are posted in: a fixed number of live threads whose comment counts grow as
 * people post; now and then one dies and a newer one (with a higher {@code t3_} id) takes its place.
 */
final class ThreadSimulator {
    private static final int LIVE = 400;
    private static final double TURNOVER = 0.01;

    private final Rng rng;
    private final String[] linkIds = new String[LIVE];
    private final double[] numComments = new double[LIVE];
    private final boolean[] over18 = new boolean[LIVE];
    private long nextId = Long.parseLong("a00000", 36);
    private int current;

    ThreadSimulator(Rng rng) {
        this.rng = rng;
        for (int i = 0; i < LIVE; i++) {
            open(i);
        }
    }

    /** Chooses the thread for the next comment and counts the comment in it. */
    void next() {
        if (rng.chance(TURNOVER)) {
            open(rng.nextInt(LIVE));
        }
        current = rng.nextInt(LIVE);
        numComments[current] += rng.geometric(3);
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

    private void open(int slot) {
        nextId += rng.between(1, 3000);
        linkIds[slot] = "t3_" + Long.toString(nextId, 36);
        numComments[slot] = Math.rint(rng.logNormal(150, 1.3));
        over18[slot] = rng.chance(0.04);
    }
}
