package dev.trollwatch.features;

/** Sentiment polarity of a text in [-1, 1], as TextBlob's default analyzer computes it. */
@FunctionalInterface
public interface PolarityFunction {
    double polarity(String text);
}
