package dev.trollwatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The documented behaviours of TextBlob's sentiment, one per test (values as TextBlob gives). */
class PatternSentimentTest {

    private static final double EPS = 1e-12;
    private final PatternSentiment sentiment = PatternSentiment.shared();

    private void assertScore(String text, double polarity, double subjectivity) {
        SentimentScore score = sentiment.score(text);
        assertEquals(polarity, score.polarity(), EPS, () -> "polarity of " + text);
        assertEquals(subjectivity, score.subjectivity(), EPS, () -> "subjectivity of " + text);
    }

    @Test
    void emptyBlankAndNullTextsScoreZero() {
        assertScore("", 0.0, 0.0);
        assertScore(" \n\t ", 0.0, 0.0);
        assertScore("...!?", 0.0, 0.0);
        assertEquals(SentimentScore.NEUTRAL, sentiment.score(null));
    }

    @Test
    void textWithoutLexiconWordsScoresZero() {
        assertScore("the cat sat on the mat", 0.0, 0.0);
    }

    @Test
    void knownWordScoresTheAverageOfItsSenses() {
        // "good" has senses with subjectivity 0.4, 0.8, ...: their mean is 0.6.
        assertScore("good", 0.7, 0.6);
    }

    @Test
    void lookupIgnoresCase() {
        assertEquals(sentiment.score("good"), sentiment.score("GOOD"));
    }

    @Test
    void scoreIsTheMeanOverAssessments() {
        // great (0.8, 0.75) and the smile emoticon (0.5, 1.0)
        assertScore("great :)", 0.65, 0.875);
    }

    @Test
    void negationFlipsAndHalvesThePolarity() {
        assertScore("not good", -0.35, 0.6);
        assertScore("not bad", 0.35, 0.6666666666666666);
    }

    @Test
    void negationSurvivesOneLetterWordsOnly() {
        assertScore("not a good idea", -0.35, 0.6);
        assertScore("not the good one", 0.7, 0.6);
    }

    @Test
    void negationAfterAnLyModifierNegatesThatModifier() {
        assertScore("really not good", -0.35, 0.6);
    }

    @Test
    void intensifierMultipliesTheNextWordByItsIntensity() {
        // "very" has intensity 1.3
        assertScore("very good", 0.7 * 1.3, 0.6 * 1.3);
    }

    @Test
    void negatedIntensifierDividesInstead() {
        assertScore("not very good", 0.7 / 1.3 * -0.5, 0.6 / 1.3);
    }

    @Test
    void exclamationMarkBoostsThePreviousAssessmentAndClamps() {
        assertScore("good!", 0.875, 0.6);
        assertScore("good!!", 1.0, 0.6);
        assertScore("never good!", -0.4375, 0.6);
    }

    @Test
    void emoticonsAreAssessmentsWithSubjectivityOne() {
        assertScore(":)", 0.5, 1.0);
        assertScore("<3", 1.0, 1.0);
        assertScore("\u2665", 1.0, 1.0);
        assertScore("wow:)", 0.3, 1.0); // split from the word, then re-joined
        assertScore("end :o)", 0.75, 1.0); // ":o)" (taunt) wins over ":o" (gasp)
    }

    @Test
    void allLetterEmoticonsAreNotScored() {
        assertScore("xD", 0.0, 0.0);
    }

    @Test
    void sarcasmMarkAddsANeutralSubjectiveAssessment() {
        assertScore("( ! )", 0.0, 1.0);
        assertScore("wow (!)", 0.05, 1.0);
    }

    @Test
    void adjectivesYieldLyAdverbsAtLoadTime() {
        // Not in the lexicon file: derived from "terrible", "happy", "gentle".
        assertEquals(sentiment.score("terrible"), sentiment.score("terribly"));
        assertEquals(sentiment.score("happy"), sentiment.score("happily"));
        assertScore("gently", 0.2, 0.8);
    }

    @Test
    void contractionsAreSplitSoNtIsNotANegation() {
        // pattern turns "isn't" into "is n ' t": TextBlob scores "isn't good" as positive.
        assertScore("It isn't good", 0.7, 0.6);
    }

    @Test
    void unicodeQuotesSpacesAndEmojiAreHandledLikePython() {
        assertScore("\u201cgood\u201d", 0.7, 0.6);
        assertScore("very\u00a0good", 0.7 * 1.3, 0.6 * 1.3); // NBSP is whitespace in Python
        assertScore("good \uD83D\uDE00", 0.7, 0.6); // emoji carry no sentiment
        assertScore("That was fun\uD83D\uDE00", 0.0, 0.0); // ...and glue to the word
    }

    @Test
    void wordLengthRulesCountCodePointsLikePython() {
        String grin = "\uD83D\uDE00"; // one code point, two UTF-16 units
        assertScore("not " + grin + " good", -0.35, 0.6); // a 1-character word keeps the negation
        assertScore("not " + grin + grin + " good", 0.7, 0.6);
        assertScore("very " + grin + grin + " good", 0.7 * 1.3, 0.6 * 1.3); // 2 characters keep "very"
        assertScore("very " + grin + grin + grin + " good", 0.45, 0.45);
    }

    @Test
    void paragraphBreaksEndSentencesWithoutBecomingWords() {
        assertScore("good.\n\n:)", 0.6, 0.8);
    }

    @Test
    void polarityFunctionReturnsTheScoresPolarity() {
        PolarityFunction polarity = sentiment;
        assertEquals(sentiment.score("not bad!").polarity(), polarity.polarity("not bad!"));
    }

    @Test
    void concurrentCallsGiveTheSameScoresAsSequentialOnes() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            texts.add((k % 3 == 0 ? "not " : "very ") + (k % 2 == 0 ? "good" : "bad :(") + "!".repeat(k % 4));
        }
        List<SentimentScore> expected = texts.stream().map(sentiment::score).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<SentimentScore>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> texts.stream().map(sentiment::score).toList()));
            }
            for (Future<List<SentimentScore>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
