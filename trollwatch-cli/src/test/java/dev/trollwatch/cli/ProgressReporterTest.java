package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import dev.trollwatch.pipeline.Progress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    @Test
    void closingLineSummarisesRowsAndRate() {
        StringWriter err = new StringWriter();
        try (ProgressReporter p = new ProgressReporter("features", -1, () -> 0.5, new PrintWriter(err), true, System::nanoTime)) {
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
        try (ProgressReporter p = new ProgressReporter("x", 10, () -> -1, new PrintWriter(err), false, System::nanoTime)) {
            p.advance(10);
        }
        assertEquals("", err.toString());
    }

    @Test
    void aJobTaskThatKnowsItsFractionShowsAPercentageAndAnEta() {
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Progress progress = ProgressReporter.perTask(new PrintWriter(err), true, clock::get);
        try (Progress.Task t = progress.start("reading d.csv.gz", () -> 0.25)) {
            clock.addAndGet(4_000_000_000L);
            t.advance(1_000);
        }
        String first = err.toString().lines().findFirst().orElseThrow();
        assertEquals("reading d.csv.gz: 1,000 (25% of input) rows, 250 rows/s, ETA 12 s", first);
    }

    @Test
    void aJobTaskOfUnknownSizeShowsRowsAndRateOnly() {
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Progress progress = ProgressReporter.perTask(new PrintWriter(err), true, clock::get);
        try (Progress.Task t = progress.start("reading stdin")) {
            clock.addAndGet(4_000_000_000L);
            t.advance(1_000);
        }
        assertEquals(List.of("reading stdin: 1,000 rows, 250 rows/s", "reading stdin: 1,000 rows, 250 rows/s, 4.0 s"),
                err.toString().lines().toList());
    }

    @Test
    void anEtaReadsInTheUnitsItsSizeNeeds() {
        assertEquals("12 s", ProgressReporter.eta(12.4));
        assertEquals("99 s", ProgressReporter.eta(99));
        assertEquals("1 min 40 s", ProgressReporter.eta(100));
        assertEquals("59 min 59 s", ProgressReporter.eta(3_599));
        assertEquals("1 h 02 min", ProgressReporter.eta(3_722));
        assertEquals("47 h 59 min", ProgressReporter.eta(48 * 3_600 - 1));
        // generate --rows 99999999999999 said "ETA 4657562223 s"
        assertEquals("53,906 days", ProgressReporter.eta(4_657_562_223.0));
    }
}
