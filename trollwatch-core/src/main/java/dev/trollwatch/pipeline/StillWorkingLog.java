package dev.trollwatch.pipeline;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A line every interval while a step that cannot report progress runs (J48 gives no word while it
 * grows a tree: an unlimited one on a million noisy rows takes many minutes; a Spark job says
 * nothing on a laptop), so a user can tell a long step from a hung one. Silent for steps shorter
 * than the interval, which at the default depth is every training step.
 */
public final class StillWorkingLog implements AutoCloseable {
    public static final Duration INTERVAL = Duration.ofSeconds(30);

    private final ScheduledExecutorService timer;

    StillWorkingLog(String what, Duration interval, Consumer<String> sink) {
        this(what, interval, () -> "", sink);
    }

    /**
     * @param detail what the step can tell of itself at that moment (a Spark stage's tasks), appended
     *               after "; " when not empty
     */
    public StillWorkingLog(String what, Duration interval, Supplier<String> detail, Consumer<String> sink) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trollwatch-still-working");
            t.setDaemon(true); // never keeps the JVM alive
            return t;
        });
        long start = System.nanoTime();
        long every = interval.toNanos();
        timer.scheduleAtFixedRate(() -> {
            String now = detail.get();
            sink.accept(String.format(java.util.Locale.ROOT, "%s: still working, %d s so far%s", what,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), now.isEmpty() ? "" : "; " + now));
        }, every, every, TimeUnit.NANOSECONDS);
    }

    /** Stops the lines; none is written after this returns. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
