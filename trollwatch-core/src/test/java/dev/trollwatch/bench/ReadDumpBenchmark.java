package dev.trollwatch.bench;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.dump.InputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reading + parsing speed of a dump (scripts/bench-read): full passes through {@link CommentReaders}
 * (gunzip, UTF-8 decoding, CSV scanning, typed fields, recent_comments JSON), reported as MB/s of
 * uncompressed input and rows/s. Usage: {@code ReadDumpBenchmark FILE [passes] [format]}.
 */
public final class ReadDumpBenchmark {
    private ReadDumpBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        InputFormat format = args.length > 2 ? InputFormat.parse(args[2]) : null;
        long bytes = uncompressedBytes(file);
        System.out.printf(Locale.ROOT, "file %s: %,d bytes on disk, %,d bytes uncompressed%n",
                file, Files.size(file), bytes);
        pass(file, format, bytes, "warm-up");
        double[] rates = new double[passes];
        for (int i = 0; i < passes; i++) {
            rates[i] = pass(file, format, bytes, "pass " + (i + 1));
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "median %.1f MB/s, best %.1f MB/s%n", rates[passes / 2], rates[passes - 1]);
    }

    private static double pass(Path file, InputFormat format, long bytes, String label) throws IOException {
        long start = System.nanoTime();
        long rows = 0;
        long checksum = 0;
        try (CommentReader r = DumpFixtures.open(file, format, ErrorPolicy.FAIL)) {
            while (r.hasNext()) {
                Comment c = r.next();
                checksum += c.recentComments().size();
                rows++;
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double mbps = bytes / 1e6 / secs;
        System.out.printf(Locale.ROOT, "%s: %,d rows (%,d recent) in %.2f s: %.1f MB/s, %,.0f rows/s%n",
                label, rows, checksum, secs, mbps, rows / secs);
        return mbps;
    }

    private static long uncompressedBytes(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] magic = raw.readNBytes(2);
            if (magic.length < 2 || (magic[0] & 0xff) != 0x1f || (magic[1] & 0xff) != 0x8b) {
                return Files.size(file);
            }
        }
        long n = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
            }
        }
        return n;
    }
}
