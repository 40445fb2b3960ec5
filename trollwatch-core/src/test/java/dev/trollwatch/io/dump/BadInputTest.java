package dev.trollwatch.io.dump;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.field.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed input is reported with file, line, column and what was expected; the policy decides the rest. */
class BadInputTest {
    private static final String HEADER = "author,link_id,created_utc,body,recent_comments,no_follow,author_verified,"
            + "author_comment_karma,author_link_karma,over_18,is_submitter,score\n";
    private static final String RECENT = "\"[{\"\"created_utc\"\": 1.0, \"\"body\"\": \"\"x\"\", \"\"score\"\": %s, "
            + "\"\"ups\"\": 1, \"\"no_follow\"\": false, \"\"gilded\"\": 0, \"\"num_comments\"\": 2, "
            + "\"\"controversiality\"\": 0}]\"";

    @TempDir
    Path dir;

    private static String row(String author, String score, String recentScore) {
        return author + ",t3_x,1550000000," + "hello," + String.format(RECENT, recentScore) + ",t,f,1.0,2.0,f,f," + score + "\n";
    }

    @Test
    void badNumberNamesFileLineAndColumn() {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + row("a", "1", "1") + row("b", "abc", "1"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertEquals(f + ":3: column score: expected a number, got \"abc\"", e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void badNumberInsideRecentCommentsNamesEntryAndKey() {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + row("a", "1", "1") + row("b", "1", "\"\"abc\"\""));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertEquals(f + ":3: column recent_comments[0].score: expected a number, got \"abc\"", e.getMessage());
    }

    @Test
    void recentEntryMissingAFeatureKeyIsReported() {
        String recent = "\"[{\"\"created_utc\"\": 1.0, \"\"body\"\": \"\"x\"\"}]\"";
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + "a,t3_x,1,hi," + recent + ",t,f,1,2,f,f,1\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertTrue(e.getMessage().contains("recent_comments[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("missing no_follow, gilded, num_comments, score, controversiality, ups"),
                e.getMessage());
    }

    @Test
    void recentEntryThatIsNotAnObjectIsReported() {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + "a,t3_x,1,hi,\"[1]\",t,f,1,2,f,f,1\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertTrue(e.getMessage().endsWith(":2: column recent_comments[0]: expected an object, got 1"), e.getMessage());
    }

    @Test
    void invalidJsonInRecentCommentsIsReported() {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + "a,t3_x,1,hi,\"[{\"\"body\"\": }]\",t,f,1,2,f,f,1\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertTrue(e.getMessage().contains(":2: column recent_comments: expected a JSON array, got invalid JSON"),
                e.getMessage());
    }

    @Test
    void badBooleanIsReported() {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + "a,t3_x,1,hi,[],yes,f,1,2,f,f,1\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertTrue(e.getMessage().endsWith(":2: column no_follow: expected a boolean (true/false/t/f/1/0), got \"yes\""),
                e.getMessage());
    }

    @Test
    void booleanSpellingsAndEmptyNumbersAreAccepted() throws Exception {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER
                + "a,t3_x,1,hi,[],True,False,,2,1,0,\n"
                + "b,t3_x,1,hi,[],TRUE,false,1e3,2,t,F,-0.5\n");
        List<Comment> rows = DumpFixtures.readAll(f);
        assertEquals(Boolean.TRUE, rows.get(0).noFollow());
        assertEquals(Boolean.FALSE, rows.get(0).authorVerified());
        assertEquals(null, rows.get(0).authorCommentKarma());
        assertEquals(null, rows.get(0).score());
        assertEquals(Boolean.TRUE, rows.get(0).over18());
        assertEquals(Boolean.FALSE, rows.get(0).isSubmitter());
        assertEquals(1000.0, rows.get(1).authorCommentKarma());
        assertEquals(-0.5, rows.get(1).score());
    }

    @Test
    void gildedMayBeABooleanOrANumber() throws Exception {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER.replace("score\n", "gilded\n")
                + "a,t3_x,1,hi,[],t,f,1,2,f,f,true\n" + "a,t3_x,1,hi,[],t,f,1,2,f,f,2\n");
        List<Comment> rows = DumpFixtures.readAll(f);
        assertEquals(1.0, rows.get(0).gilded());
        assertEquals(2.0, rows.get(1).gilded());
    }

    @Test
    void wrongFieldCountIsReported() {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + "a,t3_x,1,hi,[],t,f\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertTrue(e.getMessage().endsWith(":2: expected 12 fields (as in the header), got 7 fields"), e.getMessage());
    }

    @Test
    void missingRequiredColumnsAreAllListedInOneError() {
        Path f = DumpFixtures.write(dir, "data.csv", "author,body,score,is_bot\na,b,1,t\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertEquals(f + ":1: missing required columns: no_follow, link_id, author_verified, author_comment_karma, "
                + "author_link_karma, created_utc, over_18, is_submitter, recent_comments", e.getMessage());
    }

    @Test
    void labelsAreOptionalForScoring() throws Exception {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + row("a", "1", "1"));
        try (CommentReader r = DumpFixtures.open(f, null, ErrorPolicy.FAIL)) {
            assertEquals(false, r.hasLabels());
            assertTrue(r.hasNext());
        }
    }

    @Test
    void skipPolicyCountsBadRowsAndKeepsGoodOnes() throws Exception {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + row("a", "1", "1") + row("b", "x", "1")
                + row("c", "1", "\"\"y\"\"") + row("d", "2", "2"));
        try (CommentReader r = DumpFixtures.open(f, null, ErrorPolicy.skip(5))) {
            List<String> authors = new java.util.ArrayList<>();
            r.forEachRemaining(c -> authors.add(c.author()));
            assertEquals(List.of("a", "d"), authors);
            assertEquals(2, r.skippedRows());
            assertEquals(5, r.lineNumber());
        }
    }

    @Test
    void skipPolicyFailsBeyondMaxErrors() {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + row("a", "x", "1") + row("b", "x", "1") + row("c", "1", "1"));
        TrollwatchException e = assertThrows(TrollwatchException.class,
                () -> DumpFixtures.readAll(f, null, ErrorPolicy.skip(1)));
        assertTrue(e.getMessage().contains("more than 1 malformed rows"), e.getMessage());
        assertTrue(e.getMessage().contains(":3: column score"), e.getMessage());
    }

    @Test
    void unterminatedQuoteFailsEvenWhenSkipping() {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + row("a", "1", "1") + "b,t3_x,1,\"never closed,[]\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DumpFixtures.readAll(f, null, ErrorPolicy.skipAll()));
        assertTrue(e.getMessage().contains(":3: a quoted field that starts on this line is never closed"), e.getMessage());
    }

    @Test
    void junkAfterClosingQuoteIsARowErrorThatCanBeSkipped() throws Exception {
        Path f = DumpFixtures.write(dir, "data.csv", HEADER + "a,t3_x,1,\"hi\"x,[],t,f,1,2,f,f,1\n" + row("b", "1", "1"));
        List<Comment> rows = DumpFixtures.readAll(f, null, ErrorPolicy.skipAll());
        assertEquals(1, rows.size());
        assertEquals("b", rows.get(0).author());
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertTrue(e.getMessage().endsWith(":2: expected ',' or end of line after the closing quote of field 4, got 'x'"),
                e.getMessage());
    }

    @Test
    void jsonLinesErrorsNameTheKey() {
        Path f = DumpFixtures.write(dir, "data.jsonl", "{\"author\": \"a\", \"link_id\": \"t3\", \"created_utc\": 1.0,"
                + " \"body\": \"x\", \"recent_comments\": \"[]\", \"no_follow\": true, \"author_verified\": false,"
                + " \"author_comment_karma\": \"lots\", \"author_link_karma\": 1.0, \"over_18\": false,"
                + " \"is_submitter\": false}\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertEquals(f + ":1: column author_comment_karma: expected a number, got \"lots\"", e.getMessage());
    }

    @Test
    void jsonLinesLoneSurrogateIsAMalformedRowThatSkipDrops() throws Exception {
        String row = "{\"author\": \"%s\", \"link_id\": \"t3\", \"created_utc\": 1.0, \"body\": \"x\","
                + " \"recent_comments\": \"[]\", \"no_follow\": true, \"author_verified\": false,"
                + " \"author_comment_karma\": 1.0, \"author_link_karma\": 1.0, \"over_18\": false,"
                + " \"is_submitter\": false}\n";
        Path f = DumpFixtures.write(dir, "data.jsonl", String.format(row, "ok") + String.format(row, "\\ud800bad")
                + String.format(row, "also_ok"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertEquals(f + ":2: column author: expected Unicode text, got a lone surrogate \\ud800 at character 1"
                + " (a JSON escape without its pair)", e.getMessage());
        List<Comment> rows = DumpFixtures.readAll(f, null, ErrorPolicy.skipAll());
        assertEquals(List.of("ok", "also_ok"), rows.stream().map(Comment::author).toList());
    }

    @Test
    void jsonLinesTextAfterTheObjectIsAMalformedRow() throws Exception {
        // Found by probing: a second object pasted on a line, or junk after the first, was dropped silently.
        String row = "{\"author\": \"%s\", \"link_id\": \"t3\", \"created_utc\": 1.0, \"body\": \"x\","
                + " \"recent_comments\": \"[]\", \"no_follow\": true, \"author_verified\": false,"
                + " \"author_comment_karma\": 1.0, \"author_link_karma\": 1.0, \"over_18\": false,"
                + " \"is_submitter\": false}";
        Path f = DumpFixtures.write(dir, "two.jsonl", String.format(row, "a") + "\n" + String.format(row, "b") + " "
                + String.format(row, "c") + "\n" + String.format(row, "d") + " x\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertTrue(e.getMessage().startsWith(f + ":2: expected a JSON object, got invalid JSON (Trailing token"),
                e.getMessage());
        List<Comment> rows = DumpFixtures.readAll(f, null, ErrorPolicy.skipAll());
        assertEquals(List.of("a"), rows.stream().map(Comment::author).toList());
    }

    @Test
    void invalidJsonLineIsReportedWithItsLine() {
        Path f = DumpFixtures.write(dir, "data.jsonl", "\n{\"author\": \n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f, InputFormat.JSONL,
                ErrorPolicy.FAIL));
        assertTrue(e.getMessage().startsWith(f + ":2: expected a JSON object, got invalid JSON"), e.getMessage());
    }

    @Test
    void emptyFileIsReported() throws Exception {
        Path f = Files.writeString(dir.resolve("empty.csv"), "");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
    }

    @Test
    void aFileHoldingOnlyAByteOrderMarkIsEmpty() throws Exception {
        Path f = Files.write(dir.resolve("bom.csv"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertEquals(f + ":1: empty file: expected a header line of column names, or JSON objects one per line",
                e.getMessage());
    }

    @Test
    void aByteOrderMarkBeforeAPsqlHeaderIsDropped() throws Exception {
        String psql = "author|link_id|created_utc|body|recent_comments|no_follow|author_verified|author_comment_karma"
                + "|author_link_karma|over_18|is_submitter\n"
                + "a|t3_x|1550000000|hello|[]|t|f|1|2|f|f\n(1 row)\n";
        Path f = DumpFixtures.write(dir, "bom.txt", "\uFEFF" + psql);
        List<Comment> rows = DumpFixtures.readAll(f);
        assertEquals(1, rows.size());
        assertEquals("a", rows.get(0).author());
    }

    @Test
    void aPsqlDumpStartingWithABlankLineSaysSoNotThatEveryColumnIsMissing() throws Exception {
        Path f = DumpFixtures.write(dir, "blank.txt", "\nauthor|link_id|created_utc|body|recent_comments\na|t3_x|1|hi|[]\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f, InputFormat.PSQL,
                ErrorPolicy.FAIL));
        assertEquals(f + ":1: a blank line: expected a header line of column names", e.getMessage());
    }

    @Test
    void anEmptyJsonLinesFileIsRefusedAsEveryEmptyFileIs() throws Exception {
        // it was read as no rows with --format jsonl, and as a CSV lacking its header without
        Path f = DumpFixtures.write(dir, "empty.jsonl", "\n  \n");
        DataFormatException given = assertThrows(DataFormatException.class,
                () -> DumpFixtures.readAll(f, InputFormat.JSONL, ErrorPolicy.FAIL));
        assertEquals(f + ":1: empty file: expected JSON objects, one per line", given.getMessage());
        DataFormatException detected = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertEquals(f + ":1: empty file: expected a header line of column names, or JSON objects one per line",
                detected.getMessage());
    }
}
