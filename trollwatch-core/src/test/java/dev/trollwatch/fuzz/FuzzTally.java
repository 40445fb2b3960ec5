package dev.trollwatch.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a fuzz target saw — inputs, crashes (a result breaking the property), hangs (no
 * result within the target's time bound), and how often each outcome occurred — and writes
 * {@code target/fuzz/TARGET.txt}, the line {@code scripts/fuzz TARGET} prints. A target's property
 * calls {@link #input()} once per try and {@link #crash()} or {@link #hang()} before it fails, and
 * {@link #write()} after its container.
 */
public final class FuzzTally {
    private final String target;
    private final AtomicLong inputs = new AtomicLong();
    private final AtomicLong crashes = new AtomicLong();
    private final AtomicLong hangs = new AtomicLong();
    private final Map<String, AtomicLong> outcomes = new ConcurrentSkipListMap<>();

    public FuzzTally(String target) {
        this.target = target;
    }

    public void input() {
        inputs.incrementAndGet();
    }

    /** An outcome to count, e.g. an HTTP status; the summary lists how often each occurred. */
    public void outcome(String name) {
        outcomes.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    }

    public void crash() {
        crashes.incrementAndGet();
    }

    public void hang() {
        hangs.incrementAndGet();
    }

    /** One line, e.g. {@code serve: 100000 inputs, 0 crashes, 0 hangs}. */
    public String summary() {
        String base = target + ": " + inputs.get() + " inputs, " + crashes.get() + " crashes, " + hangs.get() + " hangs";
        return outcomes.isEmpty() ? base : base + " (outcomes: " + outcomes + ")";
    }

    /**
     * Counts the outcome of one input run by {@code BoundedRun}: returned ({@code ok}), refused with
     * one of trollwatch's own exceptions ({@code refused}), hung, or anything else — a crash, which
     * fails the property.
     */
    public void judge(Throwable t, String ok, String refused) {
        if (t == null) {
            outcome(ok);
        } else if (t instanceof java.util.concurrent.TimeoutException) {
            hang();
            throw new AssertionError("no result within the time bound");
        } else if (t instanceof dev.trollwatch.TrollwatchException) {
            outcome(refused);
        } else {
            crash();
            throw new AssertionError("unexpected " + t, t);
        }
    }

    /** Writes the tally file and prints the summary line (what a target does after its container). */
    public void report() {
        write();
        System.out.println(summary());
    }

    public void write() {
        try {
            Path out = Path.of("target", "fuzz", target + ".txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, summary() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
