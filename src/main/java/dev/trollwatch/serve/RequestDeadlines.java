package dev.trollwatch.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    /** Connections being tracked (open ones). */
    int tracked() {
        return open.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Progress p : open.values()) {
            if (p.overdue(now, timeoutNanos)) {
                LOG.debug("closing {}: request not complete after the request timeout", p.connection);
                p.connection.getEndPoint().close();
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
