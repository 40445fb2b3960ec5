package dev.trollwatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference vectors reproduced to 1e-9, polarity and subjectivity. Failures list the texts
 * with expected and actual values.
 */
class PatternSentimentGoldenTest {

    private static final double TOLERANCE = 1e-9;
    private final PatternSentiment sentiment = PatternSentiment.shared();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * The project's golden file: 4,838 vectors from TextBlob 0.15.3 (every lexicon word,
     * negations, intensifiers, "!", emoticons, unicode, empty and long texts).
     */
    @Test
    void reproducesEveryTextBlobGoldenVector() throws IOException {
        assertReproduces("/golden/textblob_sentiment.jsonl", 4838);
    }

    /**
     * 2,000 generated edge cases (token soup of lexicon words, emoticons, punctuation,
     * abbreviations, quotes, CR/LF and Unicode spaces; random short character strings) scored
     * by pattern's own Python source as TextBlob ships it; see docs/sentiment.md.
     */
    @Test
    void reproducesPatternOnGeneratedEdgeCases() throws IOException {
        assertReproduces("/golden/pattern_sentiment_edge_cases.jsonl", 2000);
    }

    private void assertReproduces(String resource, int expectedVectors) throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (JsonNode vector : ParityFiles.jsonLines(resource)) {
            String text = vector.get("text").asText();
            double polarity = vector.get("polarity").asDouble();
            double subjectivity = vector.get("subjectivity").asDouble();
            SentimentScore actual = sentiment.score(text);
            checked++;
            if (Math.abs(actual.polarity() - polarity) > TOLERANCE
                    || Math.abs(actual.subjectivity() - subjectivity) > TOLERANCE) {
                failures.add(String.format("%s: expected (%s, %s), got (%s, %s)",
                        json.writeValueAsString(text), polarity, subjectivity,
                        actual.polarity(), actual.subjectivity()));
            }
        }
        assertEquals(expectedVectors, checked, "vectors read from " + resource);
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " vectors of " + resource
                + " differ:\n" + String.join("\n", failures.subList(0, Math.min(50, failures.size()))));
    }
}
