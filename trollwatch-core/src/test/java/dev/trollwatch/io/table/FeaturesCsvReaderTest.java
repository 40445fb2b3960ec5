package dev.trollwatch.io.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.TestResources;
import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.FeaturesCsvFixture;
import dev.trollwatch.model.SyntheticFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCsvReaderTest {
    @TempDir
    Path dir;

    private Path golden() {
        return TestResources.copy("/features/parity-sample.features.csv.gz", dir);
    }

    @Test
    void readsTheGoldenFileWithPythonConventions() throws IOException {
        Path p = golden();
        assertTrue(FeaturesCsvReader.isFeaturesCsv(p));
        List<FeatureRow> rows = FeaturesCsvReader.readAll(p);
        assertEquals(1994, rows.size());
        FeatureRow first = rows.get(0);
        assertEquals("old_salty", first.author());
        assertEquals("t3_a82dcd", first.linkId());
        assertEquals(1545170506, first.createdUtc(), 0); // 2018-12-18 22:01:46 UTC
        assertEquals(1.0, first.values()[0]);            // no_follow True
        assertEquals(0.0, first.values()[4]);            // over_18 False
        assertEquals(917.0, first.values()[FeatureSchema.indexOf("author_comment_karma")]);
        assertEquals(-0.7999999999999999, first.values()[19]);
        assertEquals(Label.NORMAL, first.label());
        assertEquals(200, rows.stream().filter(r -> r.label() == Label.BOT).count());
    }

    @Test
    void roundTripsRowsWrittenInTheFeaturesLayout() throws IOException {
        List<FeatureRow> rows = SyntheticFeatures.generate(300, 3);
        Path p = FeaturesCsvFixture.write(dir.resolve("f.csv"), rows);
        List<FeatureRow> back = FeaturesCsvReader.readAll(p);
        assertEquals(rows.size(), back.size());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(rows.get(i).values(), back.get(i).values());
            assertEquals(rows.get(i).label(), back.get(i).label());
            assertEquals(rows.get(i).author(), back.get(i).author());
        }
    }

    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheFirstColumnsName() throws IOException {
        List<FeatureRow> rows = SyntheticFeatures.generate(20, 4);
        Path plain = FeaturesCsvFixture.write(dir.resolve("plain.csv"), rows);
        Path bom = dir.resolve("bom.csv"); // as Excel saves "CSV UTF-8"
        byte[] text = Files.readAllBytes(plain);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(bom, withBom);
        assertTrue(FeaturesCsvReader.isFeaturesCsv(bom));
        List<FeatureRow> back = FeaturesCsvReader.readAll(bom);
        assertEquals(rows.size(), back.size());
        assertEquals(rows.get(0).author(), back.get(0).author());
        assertArrayEquals(rows.get(19).values(), back.get(19).values());
    }

    @Test
    void anInvalidUtf8ByteIsAnErrorAtItsLineNotAReplacedCharacter() throws IOException {
        Path p = FeaturesCsvFixture.write(dir.resolve("latin1.csv"), SyntheticFeatures.generate(5, 1));
        byte[] text = Files.readAllBytes(p);
        int line4 = 0;
        for (int i = 0, lines = 1; lines < 4; i++) {
            if (text[i] == '\n') {
                lines++;
                line4 = i + 1;
            }
        }
        text[line4] = (byte) 0xE9; // 'é' in Latin-1: the author's first letter
        Files.write(p, text);
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> FeaturesCsvReader.readAll(p));
        assertEquals(p + ":4: invalid UTF-8 (a corrupt file, or text in another encoding)", e.getMessage());
    }

    @Test
    void aDumpIsNotRecognisedAsFeatures() throws IOException {
        Path p = dir.resolve("dump.csv");
        Files.writeString(p, "banned_by,no_follow,link_id,gilded,author\n,true,t3_x,0,a\n");
        assertFalse(FeaturesCsvReader.isFeaturesCsv(p));
    }

    private Path withValue(String column, String value) throws IOException {
        Path p = FeaturesCsvFixture.write(dir.resolve("bad.csv"), SyntheticFeatures.generate(5, 1));
        List<String> lines = Files.readAllLines(p);
        List<String> header = List.of(lines.get(0).split(","));
        String[] cells = lines.get(3).split(",", -1);
        cells[header.indexOf(column)] = value;
        lines.set(3, String.join(",", cells));
        Files.write(p, lines);
        return p;
    }

    @Test
    void nonNumericValueNamesFileLineAndColumn() throws IOException {
        Path p = withValue("recent_avg_score", "abc");
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> FeaturesCsvReader.readAll(p));
        assertTrue(e.getMessage().contains("bad.csv:4: column recent_avg_score: expected a number, got \"abc\""), e.getMessage());
    }

    @Test
    void anUnterminatedQuoteIsADataErrorAtItsLine() throws IOException {
        Path p = withValue("author", "\"never closed");
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> FeaturesCsvReader.readAll(p));
        assertEquals("bad.csv:4: malformed CSV: EOF reached before encapsulated token finished",
                e.getMessage().substring(e.getMessage().indexOf("bad.csv")));
    }

    @Test
    void nanAndInfinityAreRejected() throws IOException {
        for (String bad : new String[] {"NaN", "inf", "-Infinity", "1e999"}) {
            Path p = withValue("author_link_karma", bad);
            TrollwatchException e = assertThrows(TrollwatchException.class, () -> FeaturesCsvReader.readAll(p), bad);
            assertTrue(e.getMessage().contains(":4: column author_link_karma: "), e.getMessage());
        }
    }

    @Test
    void missingColumnIsNamed() throws IOException {
        Path p = dir.resolve("missing.csv");
        Files.writeString(p, "author,link_id,created_utc,no_follow,target\na,t3_x,1,0,bot\n");
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> FeaturesCsvReader.readAll(p));
        assertTrue(e.getMessage().contains(":1: missing column author_verified;"), e.getMessage());
    }

    @Test
    void aColumnNamedTwiceIsAnError() throws IOException {
        // Found by probing: the last copy was read, so a hand-edited file scored on the wrong values.
        Path good = withValue("target", "bot");
        List<String> lines = Files.readAllLines(good);
        Path p = dir.resolve("twice.csv");
        Files.write(p, List.of(lines.get(0) + ",author_comment_karma", lines.get(1) + ",0"));
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> FeaturesCsvReader.readAll(p));
        assertTrue(e.getMessage().startsWith(p + ": malformed CSV: "), e.getMessage());
        assertTrue(e.getMessage().contains("author_comment_karma"), e.getMessage());
    }

    @Test
    void aFeaturesCsvLackingOneFeatureIsStillOneAndNamesTheColumn() throws IOException {
        // Found by probing: it was taken for a dump, whose error asked for body and recent_comments.
        Path good = withValue("target", "bot");
        List<String> lines = Files.readAllLines(good);
        List<String> header = java.util.Arrays.asList(lines.get(0).split(","));
        int gone = header.indexOf("recent_avg_ups");
        Path p = dir.resolve("lacking.csv");
        Files.write(p, lines.stream().map(l -> {
            List<String> cells = new java.util.ArrayList<>(java.util.Arrays.asList(l.split(",", -1)));
            cells.remove(gone);
            return String.join(",", cells);
        }).toList());
        assertTrue(FeaturesCsvReader.isFeaturesCsv(p));
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> FeaturesCsvReader.readAll(p));
        assertTrue(e.getMessage().contains(":1: missing column recent_avg_ups;"), e.getMessage());
    }

    @Test
    void unknownTargetIsAnError() throws IOException {
        Path p = withValue("target", "spammer");
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> FeaturesCsvReader.readAll(p));
        // was "FILE: line 4, column 'target': ...", unlike a dump's "FILE:LINE: column NAME: expected ..., got \"...\""
        assertEquals(p + ":4: column target: expected bot, normal or troll, got \"spammer\"", e.getMessage());
    }

    @Test
    void badCreatedUtcIsAnError() throws IOException {
        Path p = withValue("created_utc", "yesterday");
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> FeaturesCsvReader.readAll(p));
        assertTrue(e.getMessage().contains(":4: column created_utc: expected unix seconds"), e.getMessage());
    }

    @Test
    void readsBackTheMissingKeysTheWriterWritesAsEmpty() throws IOException {
        double[] v = SyntheticFeatures.generate(1, 5).get(0).values();
        List<FeatureRow> rows = List.of(new FeatureRow(null, null, Double.NaN, v, Label.TROLL),
                new FeatureRow("a,b", "t3_x", 1545170506, v, null));
        Path p = dir.resolve("keys.csv");
        try (FeaturesCsvWriter w = new FeaturesCsvWriter(Files.newOutputStream(p))) {
            for (FeatureRow r : rows) {
                w.write(r);
            }
        }
        List<FeatureRow> back = FeaturesCsvReader.readAll(p);
        assertEquals(2, back.size());
        assertEquals(null, back.get(0).author());
        assertEquals(null, back.get(0).linkId());
        assertTrue(Double.isNaN(back.get(0).createdUtc()), "no created_utc stays missing");
        assertEquals(Label.TROLL, back.get(0).label());
        assertEquals("a,b", back.get(1).author());
        assertEquals(1545170506, back.get(1).createdUtc(), 0);
        assertArrayEquals(v, back.get(1).values());
    }

    @Test
    void rowsArePulledOneAtATimeWithTheirLine() throws IOException {
        try (FeaturesCsvRows rows = FeaturesCsvReader.open(Files.newInputStream(golden()), "golden")) {
            assertEquals(1, rows.lineNumber());
            assertEquals("old_salty", rows.next().author());
            assertEquals(2, rows.lineNumber());
            long n = 1;
            while (rows.hasNext()) {
                rows.next();
                n++;
            }
            assertEquals(1994, n);
            assertEquals(1995, rows.lineNumber());
        }
    }

    @Test
    void aBadValueMidStreamNamesFileLineAndColumn() throws IOException {
        Path p = withValue("recent_avg_score", "NaN");
        try (FeaturesCsvRows rows = FeaturesCsvReader.open(Files.newInputStream(p), p.toString())) {
            rows.next();
            rows.next();
            TrollwatchException e = assertThrows(TrollwatchException.class, rows::next);
            assertTrue(e.getMessage().contains(p + ":4: column recent_avg_score: expected a finite number, got \"NaN\""),
                    e.getMessage());
        }
    }

    @Test
    void aRecordPastTheBoundFailsBeforeItIsBuffered() throws IOException {
        Path p = FeaturesCsvFixture.write(dir.resolve("long.csv"), SyntheticFeatures.generate(3, 1));
        // an author field that never closes its quote, with line breaks, past 1M characters
        String huge = "\"" + "x\n".repeat(FeaturesCsvReader.MAX_RECORD_CHARS / 2 + 1);
        Files.writeString(p, huge + ",t3_x,1\n", java.nio.file.StandardOpenOption.APPEND);
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> FeaturesCsvReader.readAll(p));
        assertTrue(e.getMessage().contains(p + ":5: a record longer than 1,048,576 characters"), e.getMessage());
    }

    @Test
    void quotedLineBreaksAndDoubledQuotesDoNotEndARecordEarly() {
        RecordLengthLimit r = new RecordLengthLimit(new java.io.StringReader("\"a\"\"\nb\",1\nshort\n"), "f", 8);
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> {
            char[] buf = new char[64];
            while (r.read(buf, 0, buf.length) >= 0) {
                // reading
            }
        });
        assertTrue(e.getMessage().contains("f:1: a record longer than 8 characters"), e.getMessage());
        RecordLengthLimit ok = new RecordLengthLimit(new java.io.StringReader("\"a\"\"\nb\",1\nshort\n"), "f", 9);
        assertDoesNotThrow(() -> {
            while (ok.read() >= 0) {
                // reading
            }
        });
    }
}
