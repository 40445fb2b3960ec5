package dev.trollwatch.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;

/**
 * The connector's open connections, so that stopping can wait until the clients have gone and
 * close those that sit idle between requests. A connection is idle when every request it received
 * has been answered and no byte has come since: one whose request waits for a worker, or whose body
 * is still arriving, is not — an idle timeout shortened for all of them cut such requests off
 * (with large bodies, 16 of 64 busy clients lost their answer).
 */
final class OpenConnections implements Connection.Listener {
    /** How often stopping looks at the connections. */
    private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Map<Connection, Activity> open = new ConcurrentHashMap<>();

    @Override
    public void onOpened(Connection connection) {
        open.put(connection, new Activity(connection));
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * Closes each connection once it has been idle for {@code quietNanos}, until none is open or
     * {@code deadlineNanos} has come.
     */
    void closeIdleUntilNone(long quietNanos, long deadlineNanos) throws InterruptedException {
        while (!open.isEmpty()) {
            long now = System.nanoTime();
            if (now >= deadlineNanos) {
                return;
            }
            for (Activity a : open.values()) {
                if (a.idleFor(now) >= quietNanos) {
                    a.connection.getEndPoint().close();
                }
            }
            synchronized (this) {
                if (!open.isEmpty()) {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(STEP_NANOS, deadlineNanos - now));
                }
            }
        }
    }

    /** What a connection had received and answered when last looked at; read by the stopping thread only. */
    private static final class Activity {
        final Connection connection;
        long bytesIn = -1;
        long requests = -1;
        long answers = -1;
        long since;

        Activity(Connection connection) {
            this.connection = connection;
        }

        /** How long the connection has been between requests with nothing arriving (0 when it is busy). */
        long idleFor(long now) {
            long b = connection.getBytesIn();
            long in = connection.getMessagesIn();
            long out = connection.getMessagesOut();
            if (b != bytesIn || in != requests || out != answers) {
                bytesIn = b;
                requests = in;
                answers = out;
                since = now;
                return 0;
            }
            return in > out ? 0 : now - since;
        }
    }
}
