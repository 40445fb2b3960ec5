package dev.trollwatch.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.OutputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Generated rows read back with standard parsers give the same values in every format. */
class GeneratedDumpRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 1500;
    private static final String HEADER = String.join(",", Arrays.stream(CommentColumn.values())
            .map(CommentColumn::columnName).toList());

    /**
     * A psql -A line after the first 12 fields (which never hold '|'): body (may hold '|'), seven
     * simple fields, recent_comments (a JSON array, may hold '|') and is_training. The body is the
     * shortest prefix after which the typed fields and a '[' follow.
     */
    private static final Pattern PSQL_TAIL = Pattern.compile(
            "(.*?)\\|(-?[0-9.e+]*)\\|([tf]?)\\|(-?[0-9.e+]*)\\|(-?[0-9.e+]*)\\|([^|]*)\\|(-?[0-9.e+]*)\\|([tf]?)\\|([tf]?)"
                    + "\\|(\\[.*\\])\\|([tf]?)");

    private final List<Comment> comments = generate();

    @Test
    void csvReadsBackWithCommonsCsv() throws IOException {
        byte[] csv = write(OutputFormat.CSV);
        assertTrue(new String(csv, StandardCharsets.UTF_8).startsWith(HEADER + "\r\n"));
        List<CSVRecord> records = CommentGeneratorTest.parseCsv(csv);
        assertEquals(comments.size(), records.size());
        for (int i = 0; i < records.size(); i++) {
            List<String> fields = new ArrayList<>();
            records.get(i).forEach(fields::add);
            assertRowMatches(comments.get(i), fields, "true", "false", "row " + (i + 1));
        }
    }

    @Test
    void psqlReadsBackWithATypeAwareSplitOnPipes() throws IOException {
        String[] lines = new String(write(OutputFormat.PSQL), StandardCharsets.UTF_8).split("\n", -1);
        assertEquals(HEADER.replace(',', '|'), lines[0]);
        assertEquals("(" + ROWS + " rows)", lines[ROWS + 1]);
        assertEquals("", lines[ROWS + 2]);
        int bodiesWithPipe = 0;
        for (int i = 0; i < ROWS; i++) {
            List<String> fields = splitPsql(lines[i + 1]);
            Comment c = comments.get(i);
            bodiesWithPipe += c.body().contains("|") ? 1 : 0;
            assertRowMatches(c, fields, "t", "f", "line " + (i + 2));
        }
        assertTrue(bodiesWithPipe > 0, "some bodies hold '|'");
    }

    @Test
    void jsonlReadsBackWithJackson() throws IOException {
        String[] lines = new String(write(OutputFormat.JSONL), StandardCharsets.UTF_8).split("\n");
        assertEquals(ROWS, lines.length);
        for (int i = 0; i < ROWS; i++) {
            JsonNode o = JSON.readTree(lines[i]);
            Comment c = comments.get(i);
            String where = "line " + (i + 1);
            assertEquals(23, o.size(), where);
            assertTrue(o.get("banned_by").isNull() && o.get("num_reports").isNull(), where);
            assertEquals(c.author(), o.get("author").textValue(), where);
            assertEquals(c.body(), o.get("body").textValue(), where);
            assertEquals(c.authorCommentKarma(), o.get("author_comment_karma").doubleValue(), where);
            assertTrue(o.get("author_comment_karma").isDouble(), where + " numbers are floats");
            assertEquals(c.createdUtc(), o.get("created_utc").doubleValue(), where);
            assertEquals(c.score(), o.get("score").doubleValue(), where);
            assertEquals(c.noFollow(), o.get("no_follow").booleanValue(), where);
            assertEquals(c.isBot(), o.get("is_bot").booleanValue(), where);
            assertEquals(c.isTroll(), o.get("is_troll").booleanValue(), where);
            assertEquals(c.isTraining(), o.get("is_training").booleanValue(), where);
            assertTrue(o.get("recent_comments").isTextual(), where + " recent_comments is a string");
            assertEquals(c.recentCommentsJson(), o.get("recent_comments").textValue(), where);
            assertEquals(c.recentComments().size(), JSON.readTree(o.get("recent_comments").textValue()).size(), where);
        }
    }

    private static List<String> splitPsql(String line) {
        List<String> fields = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < 12; i++) {
            int bar = line.indexOf('|', pos);
            fields.add(line.substring(pos, bar));
            pos = bar + 1;
        }
        Matcher m = PSQL_TAIL.matcher(line.substring(pos));
        assertTrue(m.matches(), () -> "unsplittable line: " + line);
        for (int g = 1; g <= m.groupCount(); g++) {
            fields.add(m.group(g));
        }
        return fields;
    }

    /** Compares the 23 text fields of a parsed row with the comment that was written. */
    private static void assertRowMatches(Comment c, List<String> f, String yes, String no, String where) {
        assertEquals(23, f.size(), where);
        assertEquals("", f.get(0), where + " banned_by");
        assertEquals(c.noFollow() ? yes : no, f.get(1), where + " no_follow");
        assertEquals(c.linkId(), f.get(2), where + " link_id");
        assertEquals(c.gilded(), Double.parseDouble(f.get(3)), where + " gilded");
        assertEquals(c.author(), f.get(4), where + " author");
        assertEquals(c.authorVerified() ? yes : no, f.get(5), where + " author_verified");
        assertEquals(c.authorCommentKarma(), Double.parseDouble(f.get(6)), where);
        assertEquals(c.authorLinkKarma(), Double.parseDouble(f.get(7)), where);
        assertEquals(c.numComments(), Double.parseDouble(f.get(8)), where);
        assertEquals(c.createdUtc(), Double.parseDouble(f.get(9)), where);
        assertEquals(c.score(), Double.parseDouble(f.get(10)), where);
        assertEquals(c.over18() ? yes : no, f.get(11), where);
        assertEquals(c.body(), f.get(12), where + " body");
        assertEquals(c.downs(), Double.parseDouble(f.get(13)), where);
        assertEquals(c.isSubmitter() ? yes : no, f.get(14), where);
        assertEquals("", f.get(15), where + " num_reports");
        assertEquals(c.controversiality(), Double.parseDouble(f.get(16)), where);
        assertEquals(c.quarantine(), f.get(17), where);
        assertEquals(c.ups(), Double.parseDouble(f.get(18)), where);
        assertEquals(c.isBot() ? yes : no, f.get(19), where);
        assertEquals(c.isTroll() ? yes : no, f.get(20), where);
        assertEquals(c.recentCommentsJson(), f.get(21), where + " recent_comments");
        assertEquals(c.isTraining() ? yes : no, f.get(22), where);
    }

    private static List<Comment> generate() {
        List<Comment> out = new ArrayList<>();
        CommentGenerator g = new CommentGenerator(new GeneratorSettings(ROWS, 31, 0.10, 0.05));
        while (g.hasNext()) {
            out.add(g.next());
        }
        return out;
    }

    private byte[] write(OutputFormat format) throws IOException {
        return DumpFixtures.dumpBytes(format, comments);
    }
}
