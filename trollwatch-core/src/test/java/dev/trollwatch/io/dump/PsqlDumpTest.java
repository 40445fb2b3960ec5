package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.field.DataFormatException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** psql -A output: '|' inside text resolved by column types, footer checked, ambiguity reported. */
class PsqlDumpTest {
    // text columns link_id and author are separated only by a float (gilded) and surrounded by booleans
    private static final String HEADER = "banned_by|no_follow|link_id|gilded|author|author_verified|"
            + "author_comment_karma|author_link_karma|created_utc|over_18|body|is_submitter|recent_comments|is_bot\n";

    @TempDir
    Path dir;

    @Test
    void pipesInsideBodyAndRecentCommentsAreResolvedByColumnTypes() throws Exception {
        String recent = "[{\"created_utc\": 1, \"body\": \"x|1|t|[]\", \"score\": 1, \"ups\": 1, \"no_follow\": true,"
                + " \"gilded\": 0, \"num_comments\": 1, \"controversiality\": 0}]";
        Path f = DumpFixtures.write(dir, "d.psql", HEADER
                + "|t|t3_a|0|alice|f|1|2|1550000000|f|a | b || c|1.0|t|f|" + recent + "|t\n(1 row)\n");
        List<Comment> rows = DumpFixtures.readAll(f);
        assertEquals("a | b || c|1.0|t", rows.get(0).body());
        assertEquals(Boolean.FALSE, rows.get(0).isSubmitter());
        assertEquals("x|1|t|[]", rows.get(0).recentComments().get(0).body());
        assertEquals(Boolean.TRUE, rows.get(0).isBot());
    }

    @Test
    void genuinelyAmbiguousLineIsReportedWithItsLineNumber() {
        // banned_by "x|t" + link_id "t3_a", or banned_by "x" + no_follow "t" + link_id "t|t3_a": both fit
        Path f = DumpFixtures.write(dir, "d.psql", HEADER
                + "|t|t3_a|0|alice|f|1|2|1550000000|f|fine|f|[]|t\n"
                + "x|t|t|t3_a|0|bob|f|1|2|1550000000|f|body|f|[]|t\n(2 rows)\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertEquals(3, e.line());
        assertEquals(f + ":3: column banned_by: expected one way to split the line at '|', got an ambiguous line:"
                + " it could be \"x\" or \"x|t\" (both splits fit every column's type)", e.getMessage());
    }

    @Test
    void lineThatNoSplitFitsIsReported() {
        Path f = DumpFixtures.write(dir, "d.psql", HEADER
                + "|t|t3_a|zero|alice|f|1|2|1550000000|f|a|b|f|[]|t\n(1 row)\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertTrue(e.getMessage().startsWith(f + ":2: expected a split into 14 columns"), e.getMessage());
    }

    @Test
    void brokenJsonInAnOtherwiseClearLineIsReportedAsJson() {
        Path f = DumpFixtures.write(dir, "d.psql", HEADER
                + "|t|t3_a|0|alice|f|1|2|1550000000|f|a|b|f|[{\"body\": \"x|y\", oops}]|t\n(1 row)\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertTrue(e.getMessage().startsWith(f + ":2: column recent_comments: expected a JSON array, got invalid JSON"),
                e.getMessage());
    }

    @Test
    void truncatedDumpWithoutFooterIsAnError() {
        Path f = DumpFixtures.write(dir, "d.psql", HEADER + "|t|t3_a|0|alice|f|1|2|1550000000|f|hi|f|[]|t\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DumpFixtures.readAll(f, null, ErrorPolicy.skipAll()));
        assertTrue(e.getMessage().contains("no '(N rows)' footer after 1 data lines: the psql dump is truncated"),
                e.getMessage());
    }

    @Test
    void footerCountMustMatchTheRowsRead() {
        Path f = DumpFixtures.write(dir, "d.psql", HEADER + "|t|t3_a|0|alice|f|1|2|1550000000|f|hi|f|[]|t\n(3 rows)\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(f));
        assertTrue(e.getMessage().endsWith(":3: the footer says 3 rows but the file has 1 data lines (truncated or edited dump?)"),
                e.getMessage());
    }

    @Test
    void truncatedSampleFromFixtureFails() throws Exception {
        String full = java.nio.file.Files.readString(DumpFixtures.copy("sample.psql", dir));
        Path cut = DumpFixtures.write(dir, "cut.psql", full.substring(0, full.indexOf("\n|t|t3_abc3")));
        assertThrows(DataFormatException.class, () -> DumpFixtures.readAll(cut));
    }

    @Test
    void emptyTextReadsAsNullBecausePsqlCannotTellThemApart() throws Exception {
        Path f = DumpFixtures.write(dir, "d.psql", HEADER + "|t|t3_a|0|alice|f|1|2|1550000000|f||f||t\n(1 row)\n");
        Comment c = DumpFixtures.readAll(f).get(0);
        assertEquals(null, c.body());
        assertEquals(null, c.bannedBy());
        assertEquals(null, c.recentCommentsJson());
    }
}
