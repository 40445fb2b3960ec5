package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RepeatedLibraryWarningFilterTest {
    private static final String REFUSED = "[Producer clientId=p] Connection to node {} ({}) could not be established.";
    private final LoggerContext context = new LoggerContext();
    private final Logger kafka = context.getLogger("org.apache.kafka.clients.NetworkClient");
    private final AtomicLong now = new AtomicLong(1_000);
    private final RepeatedLibraryWarningFilter filter = new RepeatedLibraryWarningFilter(now::get);

    @AfterEach
    void defaults() {
        LoggingOptions.reset();
    }

    private FilterReply warn(Logger logger, String format) {
        return filter.decide(null, logger, Level.WARN, format, new Object[] {-1, "localhost:9"}, null);
    }

    private void advanceSeconds(long s) {
        now.addAndGet(s * 1_000_000_000L);
    }

    @Test
    void aRepeatedWarningPassesOncePerQuietPeriod() {
        assertEquals(FilterReply.NEUTRAL, warn(kafka, REFUSED));
        advanceSeconds(1);
        assertEquals(FilterReply.DENY, warn(kafka, REFUSED));
        advanceSeconds(RepeatedLibraryWarningFilter.QUIET_PERIOD.toSeconds() - 2);
        assertEquals(FilterReply.DENY, warn(kafka, REFUSED));
        advanceSeconds(1);
        assertEquals(FilterReply.NEUTRAL, warn(kafka, REFUSED), "a broker still gone 30 s later is reported again");
    }

    @Test
    void otherPatternsLoggersAndLevelsAreNotHeldBack() {
        assertEquals(FilterReply.NEUTRAL, warn(kafka, REFUSED));
        assertEquals(FilterReply.NEUTRAL, warn(kafka, "[Producer clientId=p] Bootstrap broker {} disconnected"));
        assertEquals(FilterReply.NEUTRAL, warn(context.getLogger("org.apache.kafka.clients.Metadata"), REFUSED));
        assertEquals(FilterReply.NEUTRAL, filter.decide(null, kafka, Level.ERROR, REFUSED, null, null));
        Logger ours = context.getLogger("dev.trollwatch.stream.ScoringStream");
        assertEquals(FilterReply.NEUTRAL, warn(ours, "stream: {} rejected"));
        assertEquals(FilterReply.NEUTRAL, warn(ours, "stream: {} rejected"), "trollwatch's own warnings all pass");
    }

    @Test
    void verboseShowsEveryRepeat() {
        new LoggingOptions().setVerbose(true);
        assertEquals(FilterReply.NEUTRAL, warn(kafka, REFUSED));
        assertEquals(FilterReply.NEUTRAL, warn(kafka, REFUSED));
    }

    @Test
    void theMemoOfPatternsIsBounded() {
        for (int i = 0; i <= RepeatedLibraryWarningFilter.REMEMBERED_PATTERNS; i++) {
            assertEquals(FilterReply.NEUTRAL, warn(kafka, "line " + i));
        }
        // The first pattern was forgotten (the memo holds the newest 256), so it passes again.
        assertEquals(FilterReply.NEUTRAL, warn(kafka, "line 0"));
        assertEquals(FilterReply.DENY, warn(kafka, "line " + RepeatedLibraryWarningFilter.REMEMBERED_PATTERNS));
    }
}
