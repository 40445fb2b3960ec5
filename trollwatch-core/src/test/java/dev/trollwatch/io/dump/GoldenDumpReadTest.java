package dev.trollwatch.io.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenDumpReadTest {
    @TempDir
    Path dir;

    @Test
    void goldenSampleReadsAllRowsWithParsedHistory() throws Exception {
        Path file = DumpFixtures.copy("parity-sample.csv.gz", dir);
        try (CommentReader r = DumpFixtures.open(file, null, ErrorPolicy.FAIL)) {
            assertEquals(InputFormat.CSV, r.format());
            assertTrue(r.hasLabels());
            assertTrue(r.columns().contains(CommentColumn.IS_TRAINING));
            Comment first = r.next();
            assertEquals("old_salty", first.author());
            assertEquals("t3_a82dcd", first.linkId());
            assertEquals(1545170506.0, first.createdUtc());
            assertEquals(Boolean.TRUE, first.noFollow());
            assertEquals("a|b|c", first.recentComments().get(2).body());
            assertEquals("hillary defended the deficit yesterday. \u2615", first.recentComments().get(3).body());
            assertEquals(2, r.lineNumber());
            long rows = 1;
            while (r.hasNext()) {
                r.next();
                rows++;
            }
            assertEquals(2000, rows);
            assertEquals(2000, r.rowsRead());
            assertEquals(0, r.skippedRows());
        }
    }
}
