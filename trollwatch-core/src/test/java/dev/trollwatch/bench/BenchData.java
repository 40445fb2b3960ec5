package dev.trollwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.features.ParityFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/** Realistic benchmark inputs: (body, recent body) pairs from the golden parity dump. */
final class BenchData {
    private BenchData() {
    }

    /** Up to {@code max} pairs (row body, one of its recent bodies), as the featurizer compares them. */
    static List<String[]> bodyPairs(int max) {
        ObjectMapper json = new ObjectMapper();
        List<String[]> pairs = new ArrayList<>();
        try {
            for (CSVRecord r : ParityFiles.records(ParityFiles.DUMP)) {
                String body = r.get("body");
                String recent = r.get("recent_comments");
                if (recent.isEmpty()) {
                    continue;
                }
                for (JsonNode o : json.readTree(recent)) {
                    JsonNode b = o.get("body");
                    pairs.add(new String[] {body, b == null || b.isNull() ? "" : b.asText()});
                    if (pairs.size() == max) {
                        return pairs;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }

    /** Python's s[:n] over code points. */
    static String slice(String s, int n) {
        return s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }
}
