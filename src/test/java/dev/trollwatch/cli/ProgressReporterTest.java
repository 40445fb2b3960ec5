package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    @Test
    void closingLineSummarisesRowsAndRate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            try (ProgressReporter p = new ProgressReporter("features", -1, () -> 0.5, err, true)) {
                p.advance(1_000);
                p.advance(234);
                assertEquals(1_234, p.done());
            }
        }
        String line = bytes.toString(StandardCharsets.UTF_8).trim();
        assertTrue(line.matches("features: 1,234 rows, [\\d,]+ rows/s, [\\d.]+ s"), line);
    }

    @Test
    void quietReporterPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            try (ProgressReporter p = new ProgressReporter("x", 10, () -> -1, err, false)) {
                p.advance(10);
            }
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
