package dev.trollwatch.io.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvScannerTest {
    private static List<List<String>> scan(String text, boolean backslashQuotes) throws IOException {
        CsvScanner s = new CsvScanner(new StringReader(text), "t.csv", backslashQuotes, ErrorPolicy.DEFAULT_MAX_RECORD_CHARS);
        List<List<String>> out = new ArrayList<>();
        while (s.next()) {
            List<String> rec = new ArrayList<>();
            for (int i = 0; i < s.count(); i++) {
                rec.add(s.field(i));
            }
            out.add(rec);
        }
        return out;
    }

    @Test
    void quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaks() throws IOException {
        List<List<String>> r = scan("a,\"b,\"\"c\"\"\r\nd\",e\r\nf,g,h", false);
        assertEquals(List.of("a", "b,\"c\"\r\nd", "e"), r.get(0));
        assertEquals(List.of("f", "g", "h"), r.get(1));
    }

    @Test
    void lineNumbersCountBreaksInsideQuotedFields() throws IOException {
        CsvScanner s = new CsvScanner(new StringReader("h\n\"x\ny\"\nz\n"), "t.csv", false, ErrorPolicy.DEFAULT_MAX_RECORD_CHARS);
        assertTrue(s.next());
        assertEquals(1, s.recordLine());
        assertTrue(s.next());
        assertEquals(2, s.recordLine());
        assertTrue(s.next());
        assertEquals(4, s.recordLine());
        assertFalse(s.next());
    }

    @Test
    void emptyUnquotedIsNullAndQuotedEmptyIsEmptyString() throws IOException {
        List<String> r = scan(",\"\",x,\n", false).get(0);
        assertNull(r.get(0));
        assertEquals("", r.get(1));
        assertEquals("x", r.get(2));
        assertNull(r.get(3));
        assertEquals(4, r.size());
    }

    @Test
    void backslashQuotesOfThe2019DumpAreUnescaped() throws IOException {
        String json = "[{\"b\": \"a\\\"q\", \"c\": \"\", \"d\": \"e\\\\\"}]"; // escaped quote, "", \\ at end
        String csvWriter = "\"" + json.replace("\"", "\"\"") + "\",\"\",\"x\\y,z\"\n";
        String sed = csvWriter.replace("\"\"", "\\\""); // the README's sed 's/""/\\"/g'
        List<String> r = scan(sed, true).get(0);
        assertEquals(json, r.get(0));
        assertEquals("", r.get(1));
        assertEquals("x\\y,z", r.get(2));
    }

    @Test
    void blankLinesAreSkipped() throws IOException {
        assertEquals(List.of(List.of("a"), List.of("b")), scan("a\n\n\r\nb\n\n", false));
    }

    @Test
    void fieldsLongerThanTheBufferAreReadWhole() throws IOException {
        String big = "x".repeat(200_000);
        String quoted = "q\"\"".repeat(50_000);
        List<List<String>> r = scan(big + ",\"" + quoted + "\"\n", false);
        assertEquals(big, r.get(0).get(0));
        assertEquals("q\"".repeat(50_000), r.get(0).get(1));
    }
}
