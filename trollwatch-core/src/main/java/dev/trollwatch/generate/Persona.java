package dev.trollwatch.generate;

import dev.trollwatch.features.Label;

/**
 * How an author behaves, which is usually but not always what the author is. The numbers are
 * calibrated so that generated data tells the 2019 article's story on the real data's scales
 * (see docs/generate.md): bots repeat boilerplate (a high difflib ratio) or farm karma by
 * commenting early in new threads (high karma, few responses); trolls have little comment karma
 * but more link karma than most people; everybody's sentiment and scores overlap, so the tree has
 * no use for them. A few authors behave like another class while keeping their label (people and
 * trolls who paste the same text), which keeps a depth-3 tree below perfect.
 */
enum Persona {
    //            comment karma          link karma              veri-  contro-  neg.   submit- positivity    activity     comments new-thread
    //            median   sigma  neg.   median  sigma  posters  fied   versial  score  ter     lo     hi     median σ     mean     authors
    NORMAL(       30_000,  1.0,   0.00,  200,    1.2,   0.30,    0.70,  0.06,    0.07,  0.06,   0.35,  0.85,  0.35,  0.8,  150,     0.00),
    /** Young accounts with little karma of either kind (a few have posted links that did well). */
    NEWCOMER(     400,     1.2,   0.02,  50,     0.8,   0.18,    0.55,  0.06,    0.07,  0.04,   0.35,  0.85,  0.35,  0.8,  150,     0.00),
    /** Little comment karma (some below zero) but, mostly, more link karma than most people. */
    TROLL(        450,     0.9,   0.20,  50,     0.8,   0.80,    0.45,  0.09,    0.10,  0.03,   0.40,  0.90,  0.60,  0.5,  60,      0.00),
    /** Boilerplate bots: one or two templates with details changed, so their comments are near duplicates. */
    BOT(          60_000,  1.3,   0.00,  250,    1.2,   0.10,    0.07,  0.01,    0.04,  0.01,   0.55,  0.90,  0.80,  0.3,  120,     0.00),
    /** Karma farmers: comments that read like people's, posted first in threads just opened. */
    KARMA_BOT(    40_000,  1.0,   0.00,  50,     0.8,   0.12,    0.70,  0.04,    0.05,  0.01,   0.40,  0.85,  0.35,  0.8,  120,     1.00),
    /** Bots that repost other people's old comments, with ordinary karma. */
    REPOST_BOT(   4_500,   1.0,   0.00,  50,     0.8,   0.12,    0.70,  0.04,    0.05,  0.01,   0.40,  0.85,  0.35,  0.8,  120,     0.00);

    /** Median link karma of authors who post links (the "posters" column says how many do). */
    static final double LINK_POSTER_MEDIAN = 2_000;

    final double commentKarmaMedian;
    final double commentKarmaSigma;
    final double negativeKarmaRate;
    final double linkKarmaMedian;
    final double linkKarmaSigma;
    final double linkPosterRate;
    final double verifiedRate;
    final double controversialRate;
    final double negativeScoreRate;
    final double submitterRate;
    final double positivityLow;
    final double positivityHigh;
    final double activityMedian;
    final double activitySigma;
    final double meanComments;
    final double newThreadAuthorRate;

    Persona(double commentKarmaMedian, double commentKarmaSigma, double negativeKarmaRate, double linkKarmaMedian,
            double linkKarmaSigma, double linkPosterRate, double verifiedRate, double controversialRate, double negativeScoreRate,
            double submitterRate, double positivityLow, double positivityHigh, double activityMedian,
            double activitySigma, double meanComments, double newThreadAuthorRate) {
        this.commentKarmaMedian = commentKarmaMedian;
        this.commentKarmaSigma = commentKarmaSigma;
        this.negativeKarmaRate = negativeKarmaRate;
        this.linkKarmaMedian = linkKarmaMedian;
        this.linkKarmaSigma = linkKarmaSigma;
        this.linkPosterRate = linkPosterRate;
        this.verifiedRate = verifiedRate;
        this.controversialRate = controversialRate;
        this.negativeScoreRate = negativeScoreRate;
        this.submitterRate = submitterRate;
        this.positivityLow = positivityLow;
        this.positivityHigh = positivityHigh;
        this.activityMedian = activityMedian;
        this.activitySigma = activitySigma;
        this.meanComments = meanComments;
        this.newThreadAuthorRate = newThreadAuthorRate;
    }

    /** Shares of bot authors who farm karma in new threads and who repost people's comments; the rest use templates. */
    static final double KARMA_BOT_SHARE = 0.14;
    static final double REPOST_BOT_SHARE = 0.13;
    /** Share of normal users with young accounts. */
    static final double NEWCOMER_SHARE = 0.23;
    /** Share of normal users who paste the same text over and over (they look like boilerplate bots). */
    static final double NORMAL_PASTER_SHARE = 0.005;

    /** The behaviour of a new author of this class. */
    static Persona draw(Label label, Rng rng) {
        return switch (label) {
            case BOT -> {
                double u = rng.uniform();
                yield u < KARMA_BOT_SHARE ? KARMA_BOT : u < KARMA_BOT_SHARE + REPOST_BOT_SHARE ? REPOST_BOT : BOT;
            }
            case TROLL -> TROLL;
            case NORMAL -> rng.chance(NORMAL_PASTER_SHARE) ? BOT : rng.chance(NEWCOMER_SHARE) ? NEWCOMER : NORMAL;
        };
    }

    /** Whether the author's bodies are boilerplate with details changed. */
    boolean templated() {
        return this == BOT;
    }
}
