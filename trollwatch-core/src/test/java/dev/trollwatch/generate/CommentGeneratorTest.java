package dev.trollwatch.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.OutputFormat;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommentGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void sameSeedGivesByteIdenticalOutput(OutputFormat format) throws IOException {
        byte[] first = generate(format, 1500, 7, 0.10, 0.05);
        byte[] second = generate(format, 1500, 7, 0.10, 0.05);
        assertArrayEquals(first, second);
    }

    @Test
    void differentSeedGivesDifferentData() throws IOException {
        List<CSVRecord> a = parseCsv(generate(OutputFormat.CSV, 300, 1, 0.10, 0.05));
        List<CSVRecord> b = parseCsv(generate(OutputFormat.CSV, 300, 2, 0.10, 0.05));
        int sameBodies = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).get("body").equals(b.get(i).get("body"))) {
                sameBodies++;
            }
        }
        assertTrue(sameBodies < 30, "rows with the same body at the same position: " + sameBodies);
        assertFalse(a.get(0).get("author").equals(b.get(0).get("author"))
                && a.get(1).get("author").equals(b.get(1).get("author")));
    }

    @Test
    void everyRowHas23TypedColumnsAndAValidRecentCommentsArray() throws IOException {
        List<CSVRecord> rows = parseCsv(generate(OutputFormat.CSV, 3000, 11, 0.10, 0.05));
        assertEquals(3000, rows.size());
        for (CSVRecord row : rows) {
            String where = "row " + row.getRecordNumber();
            assertEquals(23, row.size(), where);
            for (CommentColumn column : CommentColumn.values()) {
                String v = row.get(column.columnName());
                switch (column.type()) {
                    case BOOLEAN -> assertTrue(v.equals("true") || v.equals("false"), where + " " + column);
                    case FLOAT -> {
                        if (column != CommentColumn.NUM_REPORTS) {
                            Double.parseDouble(v);
                        } else {
                            assertEquals("", v, where + " num_reports is null");
                        }
                    }
                    case TEXT -> {
                        if (column == CommentColumn.BANNED_BY) {
                            assertEquals("", v, where + " banned_by is null");
                        } else {
                            assertFalse(v.isEmpty(), where + " " + column);
                        }
                    }
                    case JSON_ARRAY -> assertValidRecentComments(JSON.readTree(v), where);
                }
            }
            String body = row.get("body");
            assertTrue(body.codePointCount(0, body.length()) <= 256, where + " body length");
            assertFalse(body.contains("\"") || body.contains("\n") || body.contains("\r"), where + " body cleaned");
            assertTrue(row.get("link_id").startsWith("t3_"), where);
            assertFalse(row.get("is_bot").equals("true") && row.get("is_troll").equals("true"), where);
        }
    }

    @Test
    void theKthCommentOfAnAuthorCarriesItsPreviousTwentyOldestFirst() throws IOException {
        List<CSVRecord> rows = parseCsv(generate(OutputFormat.CSV, 6000, 5, 0.10, 0.05));
        Map<String, ArrayDeque<ObjectNode>> history = new HashMap<>();
        int longWindows = 0;
        int firstComments = 0;
        for (CSVRecord row : rows) {
            ArrayDeque<ObjectNode> previous = history.computeIfAbsent(row.get("author"), a -> new ArrayDeque<>());
            JsonNode recent = JSON.readTree(row.get("recent_comments"));
            assertEquals(previous.size(), recent.size(), "row " + row.getRecordNumber() + " window size");
            int i = 0;
            for (ObjectNode expected : previous) {
                assertEquals(expected, recent.get(i++), "row " + row.getRecordNumber() + " entry " + i);
            }
            longWindows += previous.size() == 20 ? 1 : 0;
            firstComments += previous.isEmpty() ? 1 : 0;
            previous.addLast(asRecent(row));
            if (previous.size() > 20) {
                previous.removeFirst();
            }
        }
        assertTrue(longWindows > 500, "rows with a full window: " + longWindows);
        assertTrue(firstComments > 50, "authors seen: " + firstComments);
    }

    @Test
    void createdUtcNeverDecreases() {
        CommentGenerator g = new CommentGenerator(new GeneratorSettings(5000, 3, 0.10, 0.05));
        double last = 0;
        while (g.hasNext()) {
            double t = g.next().createdUtc();
            assertTrue(t >= last);
            last = t;
        }
    }

    @Test
    void classMixAfterRelabellingIsTheArticlesWithinOnePoint() {
        // The article's test split: 15.3 % bot, 7.0 % troll (77.7 % normal).
        assertEquals(0.153, GeneratorSettings.DEFAULT_BOT_FRACTION);
        assertEquals(0.070, GeneratorSettings.DEFAULT_TROLL_FRACTION);
        assertClassMix(GeneratorSettings.DEFAULT_BOT_FRACTION, GeneratorSettings.DEFAULT_TROLL_FRACTION, 20260);
    }

    @Test
    void classMixFollowsOtherRequestedFractions() {
        assertClassMix(0.30, 0.20, 99);
        assertClassMix(0.0, 0.0, 98);
        assertClassMix(0.5, 0.5, 97);
    }

    @Test
    void aThirdOfBotRowsComeUnflaggedAndEveryBotAuthorHasAFlaggedRow() {
        int n = 20_000;
        CommentGenerator g = new CommentGenerator(new GeneratorSettings(n, 5, 0.153, 0.07));
        Map<String, Boolean> flagged = new HashMap<>();
        int flaggedRows = 0;
        List<Comment> rows = new ArrayList<>();
        while (g.hasNext()) {
            Comment c = g.next();
            rows.add(c);
            flaggedRows += c.isBot() ? 1 : 0;
            flagged.merge(c.author(), c.isBot(), Boolean::logicalOr);
        }
        int botAuthorRows = 0;
        for (Comment c : rows) {
            botAuthorRows += flagged.get(c.author()) ? 1 : 0;
        }
        // about 65 % of the bots' rows say is_bot: the article's "10 % bots" before relabelling
        assertEquals(0.65, flaggedRows / (double) botAuthorRows, 0.03);
        assertEquals(0.10, flaggedRows / (double) n, 0.01);
    }

    @Test
    void zeroRowsGivesNothing() {
        assertFalse(new CommentGenerator(new GeneratorSettings(0, 1, 0.1, 0.05)).hasNext());
    }

    @Test
    void settingsRejectFractionsOutsideTheUnitIntervalOrAddingUpToMoreThanOne() {
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(10, 1, -0.1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(10, 1, 0.1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(10, 1, 0.6, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(-1, 1, 0.1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(10, 1, Double.NaN, 0.05));
    }

    /** Counts rows the way training does: every row of an author with any {@code is_bot} row is a bot row. */
    private static void assertClassMix(double bots, double trolls, long seed) {
        int n = 20_000;
        CommentGenerator g = new CommentGenerator(new GeneratorSettings(n, seed, bots, trolls));
        List<Comment> rows = new ArrayList<>(n);
        Map<String, Boolean> botAuthor = new HashMap<>();
        while (g.hasNext()) {
            Comment c = g.next();
            rows.add(c);
            botAuthor.merge(c.author(), c.isBot(), Boolean::logicalOr);
        }
        int botRows = 0;
        int trollRows = 0;
        for (Comment c : rows) {
            boolean bot = botAuthor.get(c.author());
            botRows += bot ? 1 : 0;
            trollRows += !bot && c.isTroll() ? 1 : 0;
        }
        assertEquals(bots, botRows / (double) n, 0.01, "bot share");
        assertEquals(trolls, trollRows / (double) n, 0.01, "troll share");
    }

    private static void assertValidRecentComments(JsonNode recent, String where) {
        assertTrue(recent.isArray(), where);
        assertTrue(recent.size() <= 20, where + " at most 20 recent comments");
        for (JsonNode entry : recent) {
            List<String> keys = new ArrayList<>();
            entry.fieldNames().forEachRemaining(keys::add);
            assertEquals(CommentColumn.RECENT_COMMENT_KEYS.stream().map(CommentColumn::columnName).toList(), keys,
                    where + " keys of a recent comment");
        }
    }

    /** What a later row's window must hold for this row: its first 19 columns as the producer's JSON types. */
    private static ObjectNode asRecent(CSVRecord row) {
        ObjectNode o = JSON.createObjectNode();
        for (CommentColumn column : CommentColumn.RECENT_COMMENT_KEYS) {
            String v = row.get(column.columnName());
            String k = column.columnName();
            if (v.isEmpty() && (column == CommentColumn.BANNED_BY || column == CommentColumn.NUM_REPORTS)) {
                o.putNull(k);
            } else if (column == CommentColumn.GILDED) {
                o.put(k, Integer.parseInt(v));
            } else {
                switch (column.type()) {
                    case BOOLEAN -> o.put(k, Boolean.parseBoolean(v));
                    case FLOAT -> o.put(k, Double.parseDouble(v));
                    default -> o.put(k, v);
                }
            }
        }
        return o;
    }

    static byte[] generate(OutputFormat format, long rows, long seed, double bots, double trolls) throws IOException {
        CommentGenerator g = new CommentGenerator(new GeneratorSettings(rows, seed, bots, trolls));
        return DumpFixtures.dumpBytes(format, () -> g);
    }

    static List<CSVRecord> parseCsv(byte[] csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
    }
}
