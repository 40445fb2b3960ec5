package dev.trollwatch.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's graceful stop around the API: once the server stops, requests already taken are answered
 * (their connections close after the answer), and a request that arrives later on a kept-alive
 * connection gets a 503 JSON error with {@code Connection: close} — a clear "retry elsewhere"
 * instead of a connection dropped under it or a 500.
 */
final class StoppingHandler extends GracefulHandler {
    static final String MESSAGE = "the server is stopping; retry on another instance";

    private final ObjectMapper mapper;
    private final AtomicLong refused = new AtomicLong();
    /** 503s not yet written out (guarded by this). */
    private int unanswered;

    StoppingHandler(Handler api, ObjectMapper mapper) {
        super(api);
        this.mapper = mapper;
    }

    @Override
    protected void handleShutdownRejection(Request request, Response response, Callback callback) {
        synchronized (this) {
            unanswered++;
        }
        Callback answered = new Callback() {
            @Override
            public void succeeded() {
                refused.incrementAndGet(); // counted once written: a 503 cut off by the end of the grace is not one
                answered();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                answered();
                callback.failed(failure);
            }
        };
        // The body is read (and dropped) first: closing a socket with unread bytes resets it, and the
        // client would lose the answer. The request timeout and the grace period bound this read.
        Content.Source.consumeAll(request, Callback.from(() -> {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            JsonResponses.send(response, answered, 503, JsonResponses.errorBody(mapper, MESSAGE, null), mapper);
        }, answered::failed));
    }

    private synchronized void answered() {
        if (--unanswered == 0) {
            notifyAll();
        }
    }

    /**
     * Waits until every 503 begun has been written, at most until {@code deadlineNanos}: Jetty's
     * graceful stop waits only for the requests it let through, and closing the connections
     * before these are out would drop them.
     */
    synchronized void awaitRefusalsAnswered(long deadlineNanos) throws InterruptedException {
        long left;
        while (unanswered > 0 && (left = deadlineNanos - System.nanoTime()) > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Requests answered 503 because the server was stopping (written out). */
    long refused() {
        return refused.get();
    }
}
