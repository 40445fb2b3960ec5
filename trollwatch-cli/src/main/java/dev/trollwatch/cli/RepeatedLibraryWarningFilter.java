package dev.trollwatch.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Marker;

/**
 * Lets a library's warning through once per {@link #QUIET_PERIOD} per logger and message pattern.
 * A Kafka client that cannot reach its broker warns twice a second for as long as it retries
 * (≈ 130 lines before {@code stream} gives up); the first line says everything, and a broker that
 * comes and goes later in a long run is still reported, at most every {@link #QUIET_PERIOD}.
 * trollwatch's own logs, errors, and everything under {@code --verbose} pass untouched. Installed
 * by {@code logback.xml}.
 */
public final class RepeatedLibraryWarningFilter extends TurboFilter {
    static final Duration QUIET_PERIOD = Duration.ofSeconds(30);
    /** Patterns remembered; a library that formats its own text makes every line new, so the memo is bounded. */
    static final int REMEMBERED_PATTERNS = 256;

    private final LongSupplier nanoClock;
    private final Map<String, Long> lastPassed = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_PATTERNS;
        }
    };

    public RepeatedLibraryWarningFilter() {
        this(System::nanoTime);
    }

    RepeatedLibraryWarningFilter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.WARN || format == null || logger.getName().startsWith("dev.trollwatch")
                || LoggingOptions.isVerbose()) {
            return FilterReply.NEUTRAL;
        }
        String key = logger.getName() + '\n' + format;
        long now = nanoClock.getAsLong();
        synchronized (lastPassed) {
            Long last = lastPassed.get(key);
            if (last != null && now - last < QUIET_PERIOD.toNanos()) {
                return FilterReply.DENY;
            }
            lastPassed.put(key, now);
        }
        return FilterReply.NEUTRAL;
    }
}
