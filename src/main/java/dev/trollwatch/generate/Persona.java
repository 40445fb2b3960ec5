package dev.trollwatch.generate;

/**
 * How an author behaves, which is usually but not always what the author is: a few percent of
 * each class behave like another class (karma-farming bots that talk like people, humans who
 * paste the same text, subtle trolls), which keeps the classes from separating perfectly.
 * The numbers are the medians and spreads of each behaviour's distributions.
 */
enum Persona {
    //          comment karma       link karma         verified contro- negative submit- positivity    activity     comments
    //          median    sigma     median   sigma     rate     versial score    ter     lo     hi     median σ     mean
    NORMAL(     3_000,    1.7,      300,     1.9,      0.70,    0.06,   0.07,    0.06,   0.35,  0.85,  0.35,  0.8, 30),
    BOT(        60_000,   1.3,      250,     1.6,      0.90,    0.01,   0.04,    0.01,   0.55,  0.90,  0.80,  0.3, 45),
    TROLL(      120,      1.6,      12_000,  1.4,      0.45,    0.40,   0.45,    0.03,   0.05,  0.30,  0.60,  0.5, 35);

    final double commentKarmaMedian;
    final double commentKarmaSigma;
    final double linkKarmaMedian;
    final double linkKarmaSigma;
    final double verifiedRate;
    final double controversialRate;
    final double negativeScoreRate;
    final double submitterRate;
    final double positivityLow;
    final double positivityHigh;
    final double activityMedian;
    final double activitySigma;
    final double meanComments;

    Persona(double commentKarmaMedian, double commentKarmaSigma, double linkKarmaMedian, double linkKarmaSigma,
            double verifiedRate, double controversialRate, double negativeScoreRate, double submitterRate,
            double positivityLow, double positivityHigh, double activityMedian, double activitySigma,
            double meanComments) {
        this.commentKarmaMedian = commentKarmaMedian;
        this.commentKarmaSigma = commentKarmaSigma;
        this.linkKarmaMedian = linkKarmaMedian;
        this.linkKarmaSigma = linkKarmaSigma;
        this.verifiedRate = verifiedRate;
        this.controversialRate = controversialRate;
        this.negativeScoreRate = negativeScoreRate;
        this.submitterRate = submitterRate;
        this.positivityLow = positivityLow;
        this.positivityHigh = positivityHigh;
        this.activityMedian = activityMedian;
        this.activitySigma = activitySigma;
        this.meanComments = meanComments;
    }
}
