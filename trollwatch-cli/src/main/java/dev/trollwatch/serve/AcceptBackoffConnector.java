package dev.trollwatch.serve;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's connector with one acceptor and one selector (plenty for a 2-core scoring service),
 * and a quieter answer to a failed accept: when the process is out of file descriptors, Jetty
 * would log a stack trace every second; this logs one line every 10 s at most, saying how many
 * accepts failed, and retries after a short pause while closing connections free descriptors.
 */
final class AcceptBackoffConnector extends ServerConnector {
    private static final Logger LOG = LoggerFactory.getLogger(AcceptBackoffConnector.class);
    private static final long PAUSE_MILLIS = 100;
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AtomicLong failures = new AtomicLong();
    private volatile long lastLogged = System.nanoTime() - LOG_EVERY_NANOS;

    AcceptBackoffConnector(Server server, ConnectionFactory factory) {
        super(server, 1, 1, factory);
    }

    @Override
    protected boolean handleAcceptFailure(Throwable failure) {
        // A closed channel (the graceful stop closes it before the connector leaves STARTED) will
        // never accept again: stop the acceptor quietly instead of warning and retrying.
        if (!isRunning() || failure instanceof InterruptedException || failure instanceof ClosedChannelException) {
            return false;
        }
        long n = failures.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastLogged >= LOG_EVERY_NANOS) {
            lastLogged = now;
            LOG.warn("trollwatch serve: cannot accept connections ({}; {} failed accepts so far), retrying",
                    failure.getMessage(), n);
        }
        try {
            Thread.sleep(PAUSE_MILLIS); // a pause, not a timing: lets connections close and free descriptors
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
