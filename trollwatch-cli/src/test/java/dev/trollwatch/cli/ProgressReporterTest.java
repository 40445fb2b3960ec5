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
            clock.addAndGet(12_000_000_000L);
            t.advance(3_000);
        }
        String first = err.toString().lines().findFirst().orElseThrow();
        assertEquals("reading d.csv.gz: 3,000 (25% of input) rows, 250 rows/s, ETA 36 s", first);
    }

    @Test
    void theRateAndEtaAreThoseOfTheLastSecondsAndNoEtaIsGivenTooEarly() {
        // "features: 1,000 (0% of input) rows, 232 rows/s, ETA 26 min 01 s" for a two-minute run: the
        // rate was the mean since the start, dominated by the slow first seconds
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong();
        long[] rows = {0};
        long input = 120_000;
        Progress progress = ProgressReporter.perTask(new PrintWriter(err), true, clock::get);
        try (Progress.Task t = progress.start("features", () -> (double) rows[0] / input)) {
            // 4 s warming up at 250 rows/s, then 1,000 rows/s, one progress line every 2 s
            for (int second = 1; second <= 30; second++) {
                clock.addAndGet(1_000_000_000L);
                long n = second <= 4 ? 250 : 1_000;
                rows[0] += n;
                t.advance(n);
            }
        }
        List<String> lines = err.toString().lines().toList();
        assertEquals("features: 500 (0% of input) rows, 250 rows/s", lines.get(0));
        assertEquals("features: 3,000 (3% of input) rows, 500 rows/s", lines.get(2));
        // 5 % done at 7 s, but no ETA before 10 s
        assertEquals("features: 5,000 (4% of input) rows, 750 rows/s", lines.get(3));
        // at 10 s: 113,000 rows to go at the last six seconds' 1,000 rows/s (the mean since the start is 700)
        assertEquals("features: 7,000 (6% of input) rows, 1,000 rows/s, ETA 1 min 53 s", lines.get(4));
        assertEquals("features: 9,000 (8% of input) rows, 1,000 rows/s, ETA 1 min 51 s", lines.get(5));
        assertEquals("features: 25,000 (21% of input) rows, 1,000 rows/s, ETA 1 min 35 s", lines.get(13));
        assertTrue(lines.stream().limit(4).noneMatch(l -> l.contains("ETA")), lines.toString());
        assertEquals("features: 27,000 rows, 900 rows/s, 30.0 s", lines.get(lines.size() - 1));
    }

    @Test
    void aTaskOfKnownTotalGetsItsEtaFromTheRecentRateToo() {
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong();
        try (ProgressReporter p = new ProgressReporter("generate", 100_000, () -> -1, new PrintWriter(err), true, clock::get)) {
            for (int second = 1; second <= 12; second++) {
                clock.addAndGet(1_000_000_000L);
                p.advance(second <= 4 ? 100 : 1_000);
            }
        }
        List<String> lines = err.toString().lines().toList();
        assertEquals("generate: 2,400 / 100,000 (2%) rows, 400 rows/s", lines.get(2));
        // at 10 s, 6.4 % done: no ETA before; at 12 s 91,600 to go at 1,000 rows/s (the mean is 700)
        assertEquals("generate: 6,400 / 100,000 (6%) rows, 1,000 rows/s, ETA 1 min 34 s", lines.get(4));
        assertEquals("generate: 8,400 / 100,000 (8%) rows, 1,000 rows/s, ETA 1 min 32 s", lines.get(5));
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
        assertEquals("59 s", ProgressReporter.eta(59));
        // "1 min 46 s" was followed by "99 s": a minute or more is always in minutes
        assertEquals("1 min 00 s", ProgressReporter.eta(60));
        assertEquals("1 min 39 s", ProgressReporter.eta(99));
        assertEquals("1 min 40 s", ProgressReporter.eta(100));
        assertEquals("59 min 59 s", ProgressReporter.eta(3_599));
        assertEquals("1 h 02 min", ProgressReporter.eta(3_722));
        assertEquals("47 h 59 min", ProgressReporter.eta(48 * 3_600 - 1));
        // generate --rows 99999999999999 said "ETA 4657562223 s"
        assertEquals("53,906 days", ProgressReporter.eta(4_657_562_223.0));
    }
}
