package dev.trollwatch.cli;

import dev.trollwatch.pipeline.Progress;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Progress for long work on stderr: rows done, rows/s and (when the total is known) an ETA,
 * at most once per interval, then a final summary line. Silent under {@code --quiet}.
 * Thread-safe: workers may call {@link #advance} concurrently.
 *
 * <p>The rate and the ETA are those of the last {@link #WINDOW_NANOS} or so, not the mean since
 * the start: the first seconds (the JIT warming up, the first gzip block) ran several times slower
 * than the rest, and a mean-based ETA said 26 minutes for a two-minute run. No ETA is given before
 * {@link #ETA_AFTER_NANOS} and {@link #ETA_AFTER_FRACTION} of the work. The closing line gives the
 * mean over the whole run.
 */
public final class ProgressReporter implements Progress.Task {

    private static final long INTERVAL_NANOS = 2_000_000_000L;
    /** The rate is measured over about this long (since the progress line of six seconds ago). */
    static final long WINDOW_NANOS = 6_000_000_000L;
    /** No ETA earlier than this into the run ... */
    static final long ETA_AFTER_NANOS = 10_000_000_000L;
    /** ... nor before this share of the work is done. */
    static final double ETA_AFTER_FRACTION = 0.05;

    /** What was done by a time: the window's start is the oldest kept. */
    private record Sample(long nanos, long done, double fraction) {
    }

    private final String what;
    private final long total;
    private final DoubleSupplier fraction;
    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier nanoClock;
    private final long start;
    private long done;
    private long lastPrint;
    private final ArrayDeque<Sample> window = new ArrayDeque<>();

    /**
     * @param err   where progress lines go (the command's stderr writer)
     * @param total expected row count, or -1 when unknown
     */
    public ProgressReporter(PrintWriter err, String what, long total) {
        this(what, total, () -> -1, err, !LoggingOptions.isQuiet(), System::nanoTime);
    }

    /**
     * For inputs whose row count is unknown but whose size is: {@code fraction} says how much of the
     * input has been consumed (0..1, or negative when unknown), which gives the ETA.
     */
    public ProgressReporter(PrintWriter err, String what, DoubleSupplier fraction) {
        this(what, -1, fraction, err, !LoggingOptions.isQuiet(), System::nanoTime);
    }

    /** For jobs: one reporter per task on {@code err}; a percentage and an ETA where the task knows its fraction done. */
    public static Progress perTask(PrintWriter err) {
        return perTask(err, !LoggingOptions.isQuiet(), System::nanoTime);
    }

    static Progress perTask(PrintWriter err, boolean enabled, LongSupplier nanoClock) {
        return new Progress() {
            @Override
            public Task start(String task) {
                return start(task, () -> -1);
            }

            @Override
            public Task start(String task, DoubleSupplier fractionDone) {
                return new ProgressReporter(task, -1, fractionDone, err, enabled, nanoClock);
            }
        };
    }

    ProgressReporter(String what, long total, DoubleSupplier fraction, PrintWriter err, boolean enabled,
            LongSupplier nanoClock) {
        this.what = what;
        this.total = total;
        this.fraction = fraction;
        this.err = err;
        this.enabled = enabled;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastPrint = start;
        window.add(new Sample(start, 0, 0));
    }

    /** Records {@code n} more rows done. */
    @Override
    public synchronized void advance(long n) {
        done += n;
        long now = nanoClock.getAsLong();
        if (enabled && now - lastPrint >= INTERVAL_NANOS) {
            lastPrint = now;
            err.println(line(now, false));
            err.flush();
        }
    }

    public synchronized long done() {
        return done;
    }

    /** Prints the closing summary (rows, seconds, rows/s); nothing when no row was done (e.g. a missing input). */
    @Override
    public synchronized void close() {
        if (enabled && done > 0) {
            err.println(line(nanoClock.getAsLong(), true));
            err.flush();
        }
    }

    private String line(long now, boolean last) {
        double secs = Math.max(1e-9, (now - start) / 1e9);
        double f = fraction.getAsDouble();
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(": ").append(String.format(Locale.ROOT, "%,d", done));
        if (last) {
            return sb.append(String.format(Locale.ROOT, " %s, %,.0f rows/s, %.1f s", done == 1 ? "row" : "rows", done / secs,
                    secs)).toString();
        }
        if (total > 0) {
            sb.append(String.format(Locale.ROOT, " / %,d (%.0f%%)", total, 100.0 * done / total));
        } else if (f > 0) {
            sb.append(String.format(Locale.ROOT, " (%.0f%% of input)", 100 * f));
        }
        while (window.size() > 1 && now - window.peekFirst().nanos() > WINDOW_NANOS) {
            window.removeFirst();
        }
        Sample from = window.peekFirst();
        double windowSecs = Math.max(1e-9, (now - from.nanos()) / 1e9);
        double rate = (done - from.done()) / windowSecs;
        sb.append(String.format(Locale.ROOT, " %s, %,.0f rows/s", done == 1 ? "row" : "rows", rate));
        double share = total > 0 ? (double) done / total : f;
        if (now - start >= ETA_AFTER_NANOS && share >= ETA_AFTER_FRACTION) {
            double toGo = Double.NaN;
            if (total > 0 && rate > 0) {
                toGo = Math.max(0, (total - done) / rate);
            } else if (total <= 0 && f > from.fraction()) {
                toGo = (1 - f) * windowSecs / (f - from.fraction());
            }
            if (!Double.isNaN(toGo)) {
                sb.append(", ETA ").append(eta(toGo));
            }
        }
        window.addLast(new Sample(now, done, Math.max(0, f)));
        return sb.toString();
    }

    /**
     * Seconds to go as a person reads them: {@code 12 s}, {@code 4 min 05 s}, {@code 3 h 07 min},
     * {@code 52 days}; a minute or more is always in minutes ({@code 1 min 39 s}, never {@code 99 s}),
     * so that an ETA counting down does not change its form and back.
     */
    static String eta(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3_600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        if (s < 48 * 3_600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3_600, s % 3_600 / 60);
        }
        return String.format(Locale.ROOT, "%,d days", s / 86_400);
    }
}
