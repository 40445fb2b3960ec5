package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.generate.CommentGenerator;
import dev.trollwatch.generate.GeneratorSettings;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.OutputFormat;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict --explain}: the path and leaf rows as CSV columns, and the full explanation as JSON Lines. */
class PredictExplainTest {
    private static final int ROWS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path dump;

    @BeforeAll
    static void writeDump() throws IOException {
        dump = dir.resolve("dump.csv");
        List<Comment> comments = new ArrayList<>();
        new CommentGenerator(new GeneratorSettings(ROWS, 77, 0.1, 0.05)).forEachRemaining(comments::add);
        DumpFixtures.writeDump(dump, OutputFormat.CSV, comments);
    }

    @Test
    void explainAddsThePathInWordsAndTheLeafsTrainingRows() throws Exception {
        Path out = dir.resolve("explained.csv");
        CliRunner.Result r = CliRunner.run("predict", "--model", model(), "--in", dump.toString(), "--explain", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out))).getRecords();
        assertEquals(ROWS, records.size());
        assertEquals(List.of("author", "link_id", "created_utc", "predicted", "p_bot", "p_normal", "p_troll", "path",
                "leaf_rows_bot", "leaf_rows_normal", "leaf_rows_troll"), records.get(0).getParser().getHeaderNames());
        for (CSVRecord rec : records) {
            String path = rec.get("path");
            assertTrue(path.endsWith(" → " + rec.get("predicted")), path);
            assertTrue(path.matches("([a-z_0-9]+ \\S+ (≤|>) \\S+)( · [a-z_0-9]+ \\S+ (≤|>) \\S+)* → [a-z]+"), path);
            long rows = Long.parseLong(rec.get("leaf_rows_bot")) + Long.parseLong(rec.get("leaf_rows_normal"))
                    + Long.parseLong(rec.get("leaf_rows_troll"));
            assertTrue(rows >= 100, "a leaf holds at least min_leaf training rows: " + rows);
        }
    }

    @Test
    void jsonLinesCarryPathSupportAndContributionsThatSumToTheProbability() throws Exception {
        Path out = dir.resolve("explained.jsonl");
        CliRunner.Result r = CliRunner.run("predict", "--model", model(), "--in", dump.toString(), "--explain-format", "json",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(ROWS, lines.size());
        for (String line : lines) {
            JsonNode o = JSON.readTree(line);
            String predicted = o.get("predicted").asText();
            JsonNode e = o.get("explanation");
            assertTrue(e.get("path").size() >= 1);
            for (JsonNode step : e.get("path")) {
                double v = step.get("value").asDouble();
                double t = step.get("threshold").asDouble();
                assertTrue("<=".equals(step.get("op").asText()) ? v <= t : v > t, step.toString());
            }
            assertEquals(predicted, e.get("leaf").get("class").asText());
            assertEquals(o.get("probabilities").get(predicted).asDouble(), e.get("leaf").get("probabilities").get(predicted).asDouble(), 0.0);
            double sum = e.get("contributions").get("base_value").asDouble();
            for (Iterator<Map.Entry<String, JsonNode>> it = e.get("contributions").get("values").fields(); it.hasNext(); ) {
                sum += it.next().getValue().asDouble();
            }
            assertEquals(o.get("probabilities").get(predicted).asDouble(), sum, 1e-12, line);
            double freq = 0;
            for (JsonNode f : e.get("leaf").get("frequencies")) {
                freq += f.asDouble();
            }
            assertEquals(1.0, freq, 1e-12);
        }
    }

    @Test
    void aJsonlOutputNameWritesJsonLinesAndABadFormatIsAUsageError() throws Exception {
        Path out = dir.resolve("plain.jsonl");
        assertEquals(0, CliRunner.run("-q", "predict", "--model", model(), "--in", dump.toString(), "--out", out.toString()).exitCode());
        JsonNode first = JSON.readTree(Files.readAllLines(out).get(0));
        assertTrue(first.has("probabilities") && !first.has("explanation"), first.toString());
        CliRunner.Result bad = CliRunner.run("predict", "--model", model(), "--in", dump.toString(), "--explain-format", "xml");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--explain-format must be csv or json"), bad.err());
    }

    private static String model() {
        try {
            return Path.of(PredictExplainTest.class.getResource("/modelio/v1/trollwatch.json").toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
