package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    @Test
    void closingLineSummarisesRowsAndRate() {
        StringWriter err = new StringWriter();
        try (ProgressReporter p = new ProgressReporter("features", -1, () -> 0.5, new PrintWriter(err), true)) {
            p.advance(1_000);
            p.advance(234);
            assertEquals(1_234, p.done());
        }
        String line = err.toString().trim();
        assertTrue(line.matches("features: 1,234 rows, [\\d,]+ rows/s, [\\d.]+ s"), line);
    }

    @Test
    void quietReporterPrintsNothing() {
        StringWriter err = new StringWriter();
        try (ProgressReporter p = new ProgressReporter("x", 10, () -> -1, new PrintWriter(err), false)) {
            p.advance(10);
        }
        assertEquals("", err.toString());
    }
}
