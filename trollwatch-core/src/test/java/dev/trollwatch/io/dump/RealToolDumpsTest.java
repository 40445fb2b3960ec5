package dev.trollwatch.io.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trollwatch.comment.Comment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dumps written by the real tools (psql 15 -A, COPY … CSV) from the golden rows read back to the golden
 * records — including the 549 psql lines with '|' inside text.
 */
class RealToolDumpsTest {
    @TempDir
    Path dir;

    private static List<Comment> sorted(List<Comment> rows) {
        List<Comment> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(Comment::toString));
        return out;
    }

    /** psql prints NULL and '' alike, so empty text reads as NULL. */
    private static Comment emptyTextAsNull(Comment c) {
        return new Comment(nz(c.bannedBy()), c.noFollow(), nz(c.linkId()), c.gilded(), nz(c.author()),
                c.authorVerified(), c.authorCommentKarma(), c.authorLinkKarma(), c.numComments(), c.createdUtc(),
                c.score(), c.over18(), nz(c.body()), c.downs(), c.isSubmitter(), c.numReports(), c.controversiality(),
                nz(c.quarantine()), c.ups(), c.isBot(), c.isTroll(), nz(c.recentCommentsJson()), c.recentComments(),
                c.isTraining());
    }

    private static String nz(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Test
    void realPsqlDumpReadsToTheGoldenRows() throws Exception {
        List<Comment> golden = DumpFixtures.readAll(DumpFixtures.copy("parity-sample.csv.gz", dir));
        Path psql = DumpFixtures.copy("parity-sample.real-psql.gz", dir);
        try (CommentReader r = DumpFixtures.open(psql, null, ErrorPolicy.FAIL)) {
            assertEquals(InputFormat.PSQL, r.format());
        }
        List<Comment> read = DumpFixtures.readAll(psql);
        assertEquals(2000, read.size());
        assertEquals(sorted(golden.stream().map(RealToolDumpsTest::emptyTextAsNull).toList()), sorted(read));
    }

    @Test
    void realCopyCsvReadsToExactlyTheGoldenRows() throws Exception {
        List<Comment> golden = DumpFixtures.readAll(DumpFixtures.copy("parity-sample.csv.gz", dir));
        Path copy = DumpFixtures.copy("parity-sample.real-copy.csv.gz", dir);
        try (CommentReader r = DumpFixtures.open(copy, null, ErrorPolicy.FAIL)) {
            assertEquals(InputFormat.POSTGRES_CSV, r.format());
        }
        assertEquals(sorted(golden), sorted(DumpFixtures.readAll(copy)));
    }
}
