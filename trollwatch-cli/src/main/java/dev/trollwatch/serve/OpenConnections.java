package dev.trollwatch.serve;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;

/**
 * Counts the connector's open connections, so that stopping can wait until the clients have gone:
 * a request still on its way when the last one taken was answered would otherwise find its
 * connection closed under it. While stopping, an idle connection closes after the shutdown idle
 * timeout, so the wait is short.
 */
final class OpenConnections implements Connection.Listener {
    private int open;

    @Override
    public synchronized void onOpened(Connection connection) {
        open++;
    }

    @Override
    public synchronized void onClosed(Connection connection) {
        if (--open == 0) {
            notifyAll();
        }
    }

    /** Waits until no connection is open, at most until {@code deadlineNanos}. */
    synchronized void awaitNone(long deadlineNanos) throws InterruptedException {
        long left;
        while (open > 0 && (left = deadlineNanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
