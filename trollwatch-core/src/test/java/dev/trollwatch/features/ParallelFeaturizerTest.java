package dev.trollwatch.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.RecentComment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelFeaturizerTest {
    private static final List<Comment> DUMP = ParityFiles.readDump();
    private static final PolarityFunction POLARITY = text -> (text.hashCode() % 1000) / 1000.0;

    private static List<FeatureRow> sequential() {
        Featurizer f = new Featurizer(POLARITY);
        return DUMP.stream().map(f::featurize).toList();
    }

    @Test
    void rowsComeBackInInputOrderWithTheSameValuesAsSequential() {
        List<FeatureRow> expected = sequential();
        for (int threads : new int[] {1, 3}) {
            List<FeatureRow> actual = new ArrayList<>();
            try (ParallelFeaturizer p = new ParallelFeaturizer(new Featurizer(POLARITY, 16), threads, 37)) {
                assertEquals(DUMP.size(), p.run(DUMP.iterator(), actual::add));
            }
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).author(), actual.get(i).author(), "row " + i);
                assertEquals(expected.get(i).createdUtc(), actual.get(i).createdUtc(), "row " + i);
                assertArrayEquals(expected.get(i).values(), actual.get(i).values(), "row " + i);
            }
        }
    }

    @Test
    void aFailingInputStopsTheRunWithItsException() {
        Iterator<Comment> failing = new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Comment next() {
                if (n == 2500) {
                    throw new IllegalArgumentException("bad row 2500");
                }
                return DUMP.get(n++ % DUMP.size());
            }
        };
        try (ParallelFeaturizer p = new ParallelFeaturizer(new Featurizer(POLARITY), 2, 100)) {
            List<FeatureRow> seen = new ArrayList<>();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.run(failing, seen::add));
            assertEquals("bad row 2500", e.getMessage());
        }
    }

    @Test
    void aFailingFeaturizationIsRethrownOnTheCallingThread() {
        Featurizer broken = new Featurizer(text -> {
            throw new IllegalStateException("no sentiment");
        });
        try (ParallelFeaturizer p = new ParallelFeaturizer(broken, 2, 10)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.run(DUMP.iterator(), r -> { }));
            assertEquals("no sentiment", e.getMessage());
        }
    }

    @Test
    void commentsInFlightAreBoundedWhateverTheThreadCount() {
        // The reading side may run ahead of the sink by at most the batches in flight: count how far.
        int[] pulled = new int[1];
        int[] consumed = new int[1];
        int[] ahead = new int[1];
        Iterator<Comment> counting = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pulled[0] < 20_000;
            }

            @Override
            public Comment next() {
                ahead[0] = Math.max(ahead[0], ++pulled[0] - consumed[0]);
                return DUMP.get(pulled[0] % DUMP.size());
            }
        };
        int threads = ParallelFeaturizer.MAX_THREADS;
        try (ParallelFeaturizer p = new ParallelFeaturizer(new Featurizer(POLARITY), threads)) {
            assertEquals(20_000, p.run(counting, r -> consumed[0]++));
        }
        int batch = ParallelFeaturizer.defaultBatch(threads);
        assertEquals(15, batch);
        assertTrue(ahead[0] <= ParallelFeaturizer.MAX_COMMENTS_IN_FLIGHT, "ran " + ahead[0] + " comments ahead");
        // a few threads keep the full batch
        assertEquals(ParallelFeaturizer.DEFAULT_BATCH, ParallelFeaturizer.defaultBatch(2));
        assertEquals(ParallelFeaturizer.DEFAULT_BATCH, ParallelFeaturizer.defaultBatch(14));
    }

    /** {@code c} with its recent comments repeated {@code times} over: a row heavy in memory. */
    private static Comment heavy(Comment c, int times) {
        List<RecentComment> recent = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            recent.addAll(c.recentComments());
        }
        return new Comment(c.bannedBy(), c.noFollow(), c.linkId(), c.gilded(), c.author(), c.authorVerified(),
                c.authorCommentKarma(), c.authorLinkKarma(), c.numComments(), c.createdUtc(), c.score(), c.over18(),
                c.body(), c.downs(), c.isSubmitter(), c.numReports(), c.controversiality(), c.quarantine(), c.ups(),
                c.isBot(), c.isTroll(), null, recent, c.isTraining());
    }

    @Test
    void heavyCommentsInFlightAreBoundedByTheirFootprint() {
        // Rows with thousands of recent comments: 600 such rows of 4 MB each (35,000 recent
        // comments) ran a 512 MB heap out of memory when 4,096 comments could be in flight.
        List<Comment> heavy = new ArrayList<>();
        for (Comment c : DUMP) {
            if (c.recentComments().size() >= 5 && heavy.size() < 40) {
                heavy.add(heavy(c, 200));
            }
        }
        long maxOne = heavy.stream().mapToLong(ParallelFeaturizer::footprint).max().orElseThrow();
        long budget = 4 * maxOne;
        List<Comment> input = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            input.add(heavy.get(i % heavy.size()));
        }
        int threads = 2;
        long[] held = new long[1];
        long[] peak = new long[1];
        int[] consumed = new int[1];
        Iterator<Comment> counting = new Iterator<>() {
            private int pulled;

            @Override
            public boolean hasNext() {
                return pulled < input.size();
            }

            @Override
            public Comment next() {
                Comment c = input.get(pulled++);
                held[0] += ParallelFeaturizer.footprint(c);
                peak[0] = Math.max(peak[0], held[0]);
                return c;
            }
        };
        List<FeatureRow> rows = new ArrayList<>();
        try (ParallelFeaturizer p = new ParallelFeaturizer(new Featurizer(POLARITY), threads,
                ParallelFeaturizer.DEFAULT_BATCH, budget)) {
            p.run(counting, r -> {
                held[0] -= ParallelFeaturizer.footprint(input.get(consumed[0]++));
                rows.add(r);
            });
        }
        assertEquals(input.size(), rows.size());
        // in flight: the budget, the batch being filled (a share of it) and the comment that tipped it
        long bound = budget + budget / (threads + 2) + 2 * maxOne;
        assertTrue(peak[0] <= bound, "held " + peak[0] + " chars, bound " + bound);
        Featurizer f = new Featurizer(POLARITY);
        for (int i = 0; i < input.size(); i += 37) {
            assertArrayEquals(f.featurize(input.get(i)).values(), rows.get(i).values(), "row " + i);
        }
    }

    @Test
    void threadCountsOutsideTheBoundAreRefused() {
        Featurizer f = new Featurizer(POLARITY);
        assertThrows(IllegalArgumentException.class, () -> new ParallelFeaturizer(f, 0));
        assertThrows(IllegalArgumentException.class, () -> new ParallelFeaturizer(f, ParallelFeaturizer.MAX_THREADS + 1));
    }

    @Test
    void deduplicatingFilterKeepsFirstRowsOfTheParityDump() {
        CommentDeduplicator d = new CommentDeduplicator();
        List<Comment> kept = new ArrayList<>();
        d.filter(DUMP.iterator()).forEachRemaining(kept::add);
        assertEquals(1994, kept.size());
        assertEquals(6, d.dropped());
        assertEquals(DUMP.get(0), kept.get(0));
    }
}
