package dev.trollwatch.features;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.RecentComment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Featurizes a stream of comments on several threads and hands the rows back in input order.
 * The calling thread pulls comments from the iterator (so a reader needs no thread-safety),
 * cuts them into batches, and submits each batch to a fixed pool; results are consumed in
 * submission order on the calling thread. At most {@code threads + 2} batches are in flight, and
 * with the default batch size that is at most {@link #MAX_COMMENTS_IN_FLIGHT} comments whatever
 * the thread count (a comment with its parsed history is ~30 KB), so memory grows neither with
 * the input nor with the threads. Comments are also weighed ({@link #footprint}): a batch closes
 * early, and the reader waits, when the comments in flight would hold more than
 * {@link #MAX_FOOTPRINT_IN_FLIGHT}, so a few rows with thousands of recent comments or huge
 * bodies cannot fill the heap either. With one thread, work runs inline.
 */
public final class ParallelFeaturizer implements AutoCloseable {
    /** Comments per batch: large enough to amortise hand-offs (~25 ms of work), small enough to keep memory flat. */
    public static final int DEFAULT_BATCH = 256;
    /**
     * Comments handed to the pool at once with the default batch size: 16 full batches, so up to
     * 14 threads keep the full batch; more threads get smaller batches. Without this, memory grew
     * with --threads: 10,000 threads on 1,000,000 rows ran out of a 512 MB heap.
     */
    public static final int MAX_COMMENTS_IN_FLIGHT = 16 * DEFAULT_BATCH;
    /**
     * The footprint the comments in flight may hold, in characters (see {@link #footprint}). A
     * generated dump's comment weighs ≈ 3,700, so 4,096 of them ≈ 15M: typical input never meets
     * it. 600 rows of 35,000 recent comments each (4 MB records, within --max-record-chars) ran a
     * 512 MB heap out of memory.
     */
    public static final long MAX_FOOTPRINT_IN_FLIGHT = 32L << 20;
    /** A recent comment's objects (fields, boxes, list slot) beyond its body, in characters' worth. */
    static final int RECENT_COMMENT_OVERHEAD = 64;

    /** More threads than this only cost memory and thread stacks: the work is CPU-bound. */
    public static final int MAX_THREADS = 256;

    private final Featurizer featurizer;
    private final int threads;
    private final int batchSize;
    private final ExecutorService pool;
    private final long maxFootprintInFlight;

    public ParallelFeaturizer(Featurizer featurizer, int threads) {
        this(featurizer, threads, defaultBatch(threads));
    }

    /** The default batch size for {@code threads}: {@link #DEFAULT_BATCH}, smaller when many threads would hold too much. */
    static int defaultBatch(int threads) {
        return Math.max(1, Math.min(DEFAULT_BATCH, MAX_COMMENTS_IN_FLIGHT / (Math.max(threads, 1) + 2)));
    }

    public ParallelFeaturizer(Featurizer featurizer, int threads, int batchSize) {
        this(featurizer, threads, batchSize, MAX_FOOTPRINT_IN_FLIGHT);
    }

    /** @param maxFootprintInFlight see {@link #MAX_FOOTPRINT_IN_FLIGHT}; results do not depend on it */
    ParallelFeaturizer(Featurizer featurizer, int threads, int batchSize, long maxFootprintInFlight) {
        if (threads < 1 || threads > MAX_THREADS || batchSize < 1 || maxFootprintInFlight < 1) {
            throw new IllegalArgumentException("threads must be 1.." + MAX_THREADS + " and batch size at least 1, got "
                    + threads + " and " + batchSize);
        }
        this.featurizer = featurizer;
        this.threads = threads;
        this.batchSize = batchSize;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemonThreads());
        this.maxFootprintInFlight = maxFootprintInFlight;
    }

    /**
     * What a comment holds in memory, in characters: its body, and each recent comment's body plus
     * its objects. An upper bound: recent comments an author's rows share are counted in each.
     */
    public static long footprint(Comment c) {
        long chars = c.body() == null ? 0 : c.body().length();
        for (RecentComment r : c.recentComments()) {
            chars += RECENT_COMMENT_OVERHEAD + (r.body() == null ? 0 : r.body().length());
        }
        return chars;
    }

    /** A batch and the footprint of its comments. */
    private record Batch(Future<FeatureRow[]> rows, long footprint) {
    }

    /**
     * Featurizes every comment of {@code comments}, calling {@code sink} once per row, in input
     * order, on the calling thread. Failures of the iterator, the featurizer or the sink are
     * rethrown here (outstanding work is cancelled). Returns the number of rows produced.
     */
    public long run(Iterator<? extends Comment> comments, Consumer<? super FeatureRow> sink) {
        if (pool == null) {
            long n = 0;
            while (comments.hasNext()) {
                sink.accept(featurizer.featurize(comments.next()));
                n++;
            }
            return n;
        }
        ArrayDeque<Batch> inFlight = new ArrayDeque<>();
        int maxInFlight = threads + 2;
        // Each batch's share of the footprint, so that heavy rows still spread over the threads.
        long batchFootprint = Math.max(1, maxFootprintInFlight / maxInFlight);
        long footprintInFlight = 0;
        long n = 0;
        try {
            while (comments.hasNext()) {
                List<Comment> batch = new ArrayList<>(batchSize);
                long weight = 0;
                while (batch.size() < batchSize && weight < batchFootprint && comments.hasNext()) {
                    Comment c = comments.next();
                    batch.add(c);
                    weight += footprint(c);
                }
                inFlight.add(new Batch(pool.submit(() -> featurizeAll(batch)), weight));
                footprintInFlight += weight;
                while (inFlight.size() >= maxInFlight || (footprintInFlight > maxFootprintInFlight && inFlight.size() > 1)) {
                    Batch done = inFlight.poll();
                    footprintInFlight -= done.footprint();
                    n += drain(done.rows(), sink);
                }
            }
            while (!inFlight.isEmpty()) {
                n += drain(inFlight.poll().rows(), sink);
            }
            return n;
        } finally {
            for (Batch b : inFlight) {
                b.rows().cancel(true);
            }
        }
    }

    private FeatureRow[] featurizeAll(List<Comment> batch) {
        FeatureRow[] out = new FeatureRow[batch.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = featurizer.featurize(batch.get(i));
        }
        return out;
    }

    private static int drain(Future<FeatureRow[]> future, Consumer<? super FeatureRow> sink) {
        FeatureRow[] rows;
        try {
            rows = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while featurizing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        for (FeatureRow row : rows) {
            sink.accept(row);
        }
        return rows.length;
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "featurizer-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
