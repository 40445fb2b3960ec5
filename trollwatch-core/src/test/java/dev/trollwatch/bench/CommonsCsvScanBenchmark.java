package dev.trollwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The alternative that was measured and not taken: commons-csv 1.14 only splitting a gzipped dump
 * into records (no typing, no JSON), to compare with ReadDumpBenchmark's full parse.
 * Usage: {@code CommonsCsvScanBenchmark FILE.csv.gz [passes]}.
 */
public final class CommonsCsvScanBenchmark {
    private CommonsCsvScanBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int p = 0; p <= passes; p++) {
            long start = System.nanoTime();
            long rows = 0;
            long chars = 0;
            try (Reader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
                 CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                for (CSVRecord r : parser) {
                    chars += r.get(r.size() - 2).length();
                    rows++;
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %,d rows (%,d recent_comments chars) in %.2f s, %,.0f rows/s%n",
                    p == 0 ? "warm-up" : "pass " + p, rows, chars, secs, rows / secs);
        }
    }
}
