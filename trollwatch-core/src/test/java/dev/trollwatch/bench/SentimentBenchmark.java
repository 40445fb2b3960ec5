package dev.trollwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trollwatch.features.ParityFiles;
import dev.trollwatch.features.PatternSentiment;
import java.io.IOException;
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
        for (JsonNode vector : ParityFiles.jsonLines("/golden/textblob_sentiment.jsonl")) {
            String text = vector.get("text").asText();
            if (text.length() >= 20 && text.length() <= 2000) {
                candidates.add(text);
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
