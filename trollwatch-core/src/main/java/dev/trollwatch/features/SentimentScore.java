package dev.trollwatch.features;

/**
 * TextBlob's sentiment of one text: polarity in [-1, 1] (negative to positive) and subjectivity
 * in [0, 1] (objective to subjective). Both are 0 when no word of the text is in the lexicon.
 */
public record SentimentScore(double polarity, double subjectivity) {
    /** The score of a text with no assessed words. */
    public static final SentimentScore NEUTRAL = new SentimentScore(0.0, 0.0);
}
