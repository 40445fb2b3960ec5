package dev.trollwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.features.PatternSentiment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ns per {@link PatternSentiment#polarity} call on comment-like texts: 200 texts of 20-2,000
 * characters (mean 187) spread over the golden file, cycled one per call. Run with
 * {@code scripts/bench-kernels Sentiment}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SentimentBenchmark {

    private static final int TEXTS = 200;

    private PatternSentiment sentiment;
    private String[] texts;
    private int next;

    @Setup
    public void setUp() throws IOException {
        sentiment = PatternSentiment.shared();
        List<String> candidates = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = SentimentBenchmark.class.getResourceAsStream("/golden/textblob_sentiment.jsonl")) {
            if (in == null) {
                throw new IOException("golden/textblob_sentiment.jsonl not on the test classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                String text = json.readTree(line).get("text").asText();
                if (text.length() >= 20 && text.length() <= 2000) {
                    candidates.add(text);
                }
            }
        }
        texts = new String[TEXTS];
        for (int k = 0; k < TEXTS; k++) {
            texts[k] = candidates.get(k * candidates.size() / TEXTS);
        }
    }

    @Benchmark
    public double polarity() {
        String text = texts[next];
        next = next + 1 == TEXTS ? 0 : next + 1;
        return sentiment.polarity(text);
    }
}
