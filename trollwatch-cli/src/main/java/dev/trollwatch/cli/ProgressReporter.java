package dev.trollwatch.cli;

import dev.trollwatch.pipeline.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Progress for long work on stderr: rows done, rows/s and (when the total is known) an ETA,
 * at most once per interval, then a final summary line. Silent under {@code --quiet}.
 * Thread-safe: workers may call {@link #advance} concurrently.
 */
public final class ProgressReporter implements Progress.Task {

    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final String what;
    private final long total;
    private final DoubleSupplier fraction;
    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier nanoClock;
    private final long start;
    private long done;
    private long lastPrint;

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
        double rate = done / secs;
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(": ").append(String.format(Locale.ROOT, "%,d", done));
        if (total > 0 && !last) {
            sb.append(String.format(Locale.ROOT, " / %,d (%.0f%%)", total, 100.0 * done / total));
        }
        double f = fraction.getAsDouble();
        if (total <= 0 && f > 0 && !last) {
            sb.append(String.format(Locale.ROOT, " (%.0f%% of input)", 100 * f));
        }
        sb.append(String.format(Locale.ROOT, " rows, %,.0f rows/s", rate));
        if (last) {
            sb.append(String.format(Locale.ROOT, ", %.1f s", secs));
        } else if (total > 0 && rate > 0) {
            sb.append(", ETA ").append(eta(Math.max(0, (total - done) / rate)));
        } else if (f > 0.001) {
            sb.append(", ETA ").append(eta(secs * (1 - f) / f));
        }
        return sb.toString();
    }

    /** Seconds to go as a person reads them: {@code 12 s}, {@code 4 min 05 s}, {@code 3 h 07 min}, {@code 52 days}. */
    static String eta(double seconds) {
        long s = Math.round(seconds);
        if (s < 100) {
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
