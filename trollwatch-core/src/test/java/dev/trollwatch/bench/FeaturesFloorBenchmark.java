package dev.trollwatch.bench;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.dump.InputFormat;
import dev.trollwatch.io.file.AtomicOutput;
import dev.trollwatch.pipeline.FeaturesExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One run of the {@code features} pipeline ({@link FeaturesExport}: reading, de-duplication, the
 * featurizer pool, the features CSV) in one of two modes, for scripts/bench-features-floor:
 * {@code full} featurizes as the CLI does; {@code floor} hands the featurizer each comment
 * without its recent comments (they are still read and parsed), so the 14 recent features cost
 * nothing and what is left is the rest of the pipeline. The floor is the throughput no faster
 * featurizer can beat without a faster reader. Usage: {@code FeaturesFloorBenchmark DUMP OUT MODE
 * [THREADS]}; prints rows, seconds and rows/s on stdout.
 */
public final class FeaturesFloorBenchmark {
    private FeaturesFloorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dump = Path.of(args[0]);
        Path out = Path.of(args[1]);
        boolean floor = switch (args[2]) {
            case "full" -> false;
            case "floor" -> true;
            default -> throw new IllegalArgumentException("mode is full or floor, not " + args[2]);
        };
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        FeaturesExport.Result result;
        // As FeaturesCommand does it: the dump's own reader, the output through AtomicOutput (gzip by name).
        try (CommentReader dumpReader = DumpFixtures.open(dump, null, ErrorPolicy.FAIL);
                AtomicOutput file = AtomicOutput.create(out)) {
            CommentReader reader = floor ? new WithoutRecentComments(dumpReader) : dumpReader;
            result = FeaturesExport.toStream(reader, file.stream(), new Featurizer(PatternSentiment.shared()), threads,
                    n -> { });
            file.commit();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %,d rows in %.2f s: %,.0f rows/s%n", args[2], result.rows(), secs,
                result.rows() / secs);
    }

    /** The rows of a reader with their recent comments left out (what a featurizer sees as a first comment). */
    private record WithoutRecentComments(CommentReader in) implements CommentReader {
        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public Comment next() {
            Comment c = in.next();
            return new Comment(c.bannedBy(), c.noFollow(), c.linkId(), c.gilded(), c.author(), c.authorVerified(),
                    c.authorCommentKarma(), c.authorLinkKarma(), c.numComments(), c.createdUtc(), c.score(),
                    c.over18(), c.body(), c.downs(), c.isSubmitter(), c.numReports(), c.controversiality(),
                    c.quarantine(), c.ups(), c.isBot(), c.isTroll(), c.recentCommentsJson(), List.of(),
                    c.isTraining());
        }

        @Override
        public String fileName() {
            return in.fileName();
        }

        @Override
        public InputFormat format() {
            return in.format();
        }

        @Override
        public Set<CommentColumn> columns() {
            return in.columns();
        }

        @Override
        public long lineNumber() {
            return in.lineNumber();
        }

        @Override
        public long rowsRead() {
            return in.rowsRead();
        }

        @Override
        public long skippedRows() {
            return in.skippedRows();
        }

        @Override
        public void close() {
            in.close();
        }
    }
}
