package dev.trollwatch.bench;

import dev.trollwatch.cli.Main;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.jdbc.CommentsTable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Export throughput and memory (scripts/bench-export): an embedded PostgreSQL 14 gets a
 * {@code reddit_comments} table of N rows (the 2,000 golden rows repeated), then {@code trollwatch export}
 * runs in this JVM (start it with -Xmx128m) and the rows/s and peak heap are printed.
 * Usage: {@code ExportBenchmark GOLDEN_DUMP ROWS OUT_FILE}.
 */
public final class ExportBenchmark {
    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path golden = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?user=postgres";
            List<Comment> seed = new ArrayList<>();
            try (CommentReader r = DumpFixtures.open(golden, null, ErrorPolicy.FAIL)) {
                r.forEachRemaining(seed::add);
            }
            long loadStart = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                CommentsTable.create(c, "seed");
                CommentsTable.insert(c, "seed", seed);
                CommentsTable.create(c, "reddit_comments");
                s.execute("INSERT INTO reddit_comments SELECT seed.* FROM generate_series(1, "
                        + (rows / seed.size()) + "), seed");
            }
            seed = null;
            System.out.printf(Locale.ROOT, "loaded %,d rows in %.1f s%n", rows, (System.nanoTime() - loadStart) / 1e9);
            System.gc();
            HeapPeak peak = HeapPeak.watch();
            long start = System.nanoTime();
            int code = Main.run("export", "--jdbc-url", url, "--table", "reddit_comments", "--out", out.toString());
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "export exit %d: %,d rows in %.1f s = %,.0f rows/s; %,d bytes written (%.1f MB/s);"
                            + " peak heap used %.1f MB (max before any of %d GCs), max heap %.0f MB%n",
                    code, rows, secs, rows / secs, Files.size(out), Files.size(out) / 1e6 / secs, peak.peakBytes() / 1e6,
                    peak.collections(), Runtime.getRuntime().maxMemory() / 1e6);
        }
    }
}
