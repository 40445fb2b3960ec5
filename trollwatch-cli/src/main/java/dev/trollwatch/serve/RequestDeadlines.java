package dev.trollwatch.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose current request has taken longer than the request timeout since its
 * first byte arrived — a header or body trickled a byte at a time, which the idle timeout (reset
 * by every byte) would let last for hours. A connection that sends nothing between requests is
 * left to the idle timeout. Checked every {@code timeout / 10} (at least every second) from the
 * counters Jetty keeps per connection: bytes received and answers completed.
 */
final class RequestDeadlines implements Connection.Listener, AutoCloseable {
    /** The failure a request past its deadline ends with (the body reader tells it from an idle timeout by it). */
    static final String LATE = "request not complete within the request timeout";

    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadlines.class);

    private final long timeoutNanos;
    private final Map<Connection, Progress> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "serve-deadlines");
        t.setDaemon(true);
        return t;
    });

    RequestDeadlines(long timeoutMillis) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long period = Math.max(10, Math.min(1000, timeoutMillis / 10));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        open.put(connection, new Progress(connection));
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    /**
     * An overdue request is first expired the way the idle timeout does it, which lets a request
     * waiting for its body be answered 408 and closes a connection still in its header; one that is
     * still there a timeout later is closed outright.
     */
    private void sweep() {
        long now = System.nanoTime();
        for (Progress p : open.values()) {
            if (!p.overdue(now, timeoutNanos)) {
                continue;
            }
            TimeoutException late = new TimeoutException(LATE);
            if (p.expiredAt < 0) {
                p.expiredAt = now;
                LOG.debug("expiring {}: {}", p.connection, late.getMessage());
                if (p.connection.onIdleExpired(late)) {
                    p.connection.getEndPoint().close(late);
                }
            } else if (now - p.expiredAt > timeoutNanos) {
                p.connection.getEndPoint().close(late);
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /** What a connection had received and answered when last looked at; touched by the sweeper only. */
    private static final class Progress {
        final Connection connection;
        long bytesWhenAnswered;
        long answered;
        long busySince = -1;
        long expiredAt = -1;

        Progress(Connection connection) {
            this.connection = connection;
            this.bytesWhenAnswered = connection.getBytesIn();
            this.answered = connection.getMessagesOut();
        }

        /** True when a request began (bytes arrived after the last answer) more than timeout ago and is unanswered. */
        boolean overdue(long now, long timeout) {
            long out = connection.getMessagesOut();
            long in = connection.getBytesIn();
            if (out != answered) {
                answered = out;
                bytesWhenAnswered = in;
                busySince = -1;
                expiredAt = -1;
                return false;
            }
            if (busySince < 0) {
                if (in != bytesWhenAnswered || connection.getMessagesIn() > out) {
                    busySince = now;
                }
                return false;
            }
            return now - busySince > timeout;
        }
    }
}
