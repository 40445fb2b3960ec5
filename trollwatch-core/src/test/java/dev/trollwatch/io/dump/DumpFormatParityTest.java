package dev.trollwatch.io.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.RecentComment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same five rows written by each tool (see dumps/make_fixtures.py) read to identical records. */
class DumpFormatParityTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "sample.csv, CSV",
        "sample.pg.csv, POSTGRES_CSV",
        "sample.psql, PSQL",
        "sample.psql.gz, PSQL",
        "sample.2019.csv, CSV_2019",
        "sample.jsonl, JSONL"})
    void everyFormatIsDetected(String resource, InputFormat expected) throws Exception {
        try (CommentReader r = DumpFixtures.open(DumpFixtures.copy(resource, dir), null, ErrorPolicy.FAIL)) {
            assertEquals(expected, r.format());
        }
    }

    @ParameterizedTest
    @CsvSource({"sample.pg.csv", "sample.psql", "sample.psql.gz", "sample.2019.csv", "sample.jsonl"})
    void everyFormatReadsToTheSameRecordsAsRfcCsv(String resource) throws Exception {
        List<Comment> reference = comparable(DumpFixtures.readAll(DumpFixtures.copy("sample.csv", dir)));
        List<Comment> other = comparable(DumpFixtures.readAll(DumpFixtures.copy(resource, dir)));
        assertEquals(reference.size(), other.size());
        for (int i = 0; i < reference.size(); i++) {
            assertEquals(reference.get(i), other.get(i), resource + " row " + i);
        }
    }

    @Test
    void trickyValuesSurviveIntact() throws Exception {
        List<Comment> rows = DumpFixtures.readAll(DumpFixtures.copy("sample.psql", dir));
        assertEquals(5, rows.size());
        Comment bot = rows.get(0);
        assertEquals("Hey, thanks for posting at \\/r\\/SwitchHaxing! | rule 6 *I am a bot", bot.body());
        RecentComment r0 = bot.recentComments().get(0);
        assertEquals("a|b|c, with \\\"escaped\\\" quotes and a \\\\ backslash", r0.body());
        assertEquals(Boolean.TRUE, bot.isBot());
        assertNull(bot.bannedBy());
        assertNull(bot.numReports());
        Comment emoji = rows.get(1);
        assertEquals("caf\u00e9 \u2615 \uD83D\uDE00 pipes|everywhere|1.0|t", emoji.body());
        assertEquals("x|t|1.0|[]", emoji.recentComments().get(0).body());
        assertEquals(0, rows.get(2).recentComments().size());
        assertEquals("[]", rows.get(2).recentCommentsJson());
        assertEquals(-3.5, rows.get(2).score());
        Comment nullish = rows.get(3);
        assertNull(nullish.recentCommentsJson());
        assertEquals(List.of(), nullish.recentComments());
        assertNull(nullish.authorCommentKarma());
        assertNull(nullish.over18());
        assertEquals("back\\slash", rows.get(4).author());
        assertEquals("ends with a backslash \\", rows.get(4).body());
        assertEquals("tab\there \u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9", rows.get(4).recentComments().get(0).body());
    }

    @Test
    void extraColumnsAreIgnoredAndHeaderOrderDoesNotMatter() throws Exception {
        // sample.csv puts recent_comments first and carries is_training and parent_id_ranked
        try (CommentReader r = DumpFixtures.open(DumpFixtures.copy("sample.csv", dir), null, ErrorPolicy.FAIL)) {
            Comment c = r.next();
            assertEquals(Boolean.TRUE, c.isTraining());
            assertEquals(3, c.recentComments().size());
        }
    }

    /** The raw recent_comments text differs by format (JSONL re-serialises an array); isTraining only in CSV. */
    private static List<Comment> comparable(List<Comment> rows) {
        return rows.stream().map(c -> new Comment(c.bannedBy(), c.noFollow(), c.linkId(), c.gilded(), c.author(),
                c.authorVerified(), c.authorCommentKarma(), c.authorLinkKarma(), c.numComments(), c.createdUtc(),
                c.score(), c.over18(), c.body(), c.downs(), c.isSubmitter(), c.numReports(), c.controversiality(),
                c.quarantine(), c.ups(), c.isBot(), c.isTroll(), null, c.recentComments(), null)).toList();
    }
}
