package dev.trollwatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every vector TextBlob 0.15.3 computed ({@code golden/textblob_sentiment.jsonl}: each lexicon
 * word, negations, intensifiers, "!", emoticons, unicode, empty and long texts) is reproduced
 * to 1e-9, polarity and subjectivity.
 */
class PatternSentimentGoldenTest {

    private static final String GOLDEN = "/golden/textblob_sentiment.jsonl";
    private static final double TOLERANCE = 1e-9;
    private static final int EXPECTED_VECTORS = 4838;

    @Test
    void reproducesEveryTextBlobGoldenVector() throws IOException {
        PatternSentiment sentiment = PatternSentiment.shared();
        ObjectMapper json = new ObjectMapper();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertNotNull(in, GOLDEN + " missing from test resources");
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode vector = json.readTree(line);
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
        }
        assertEquals(EXPECTED_VECTORS, checked, "golden vectors read");
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " golden vectors differ:\n"
                + String.join("\n", failures.subList(0, Math.min(50, failures.size()))));
    }
}
