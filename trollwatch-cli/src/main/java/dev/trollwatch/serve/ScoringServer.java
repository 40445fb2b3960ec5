package dev.trollwatch.serve;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.modelio.ModelMetadata;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP scoring server, on Jetty's non-blocking HTTP/1.1 connector: headers and bodies are
 * read by one selector thread as bytes arrive, so a slow or silent client costs a connection
 * but never a worker thread. Every connection has an idle timeout and every request a deadline
 * from its first byte ({@link RequestDeadlines}); workers are a fixed pool, connections are capped.
 * {@link #stop()} stops accepting and lets in-flight requests finish, waiting at most the grace
 * period ({@link StoppingHandler}).
 */
public final class ScoringServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringServer.class);
    /**
     * Open connections at most; past it the server stops accepting (clients wait in the backlog)
     * until one closes. Each connection has at most one request queued for the workers, so this
     * also bounds the work queue.
     */
    static final int MAX_CONNECTIONS = 4096;
    private static final int BACKLOG = 1024;
    /** Threads Jetty keeps for itself besides the workers: one acceptor, one selector, one spare. */
    private static final int JETTY_THREADS = 3;
    /** Request line plus headers; a real request has about 200 bytes of them. */
    private static final int MAX_HEADER_BYTES = 8192;
    /**
     * Once stopping, how long a kept-alive connection may stay idle before it is closed: time for a
     * request already on its way to arrive and get its 503.
     */
    static final Duration SHUTDOWN_IDLE = Duration.ofMillis(500);

    private final Server server;
    private final ServerConnector connector;
    private final RequestDeadlines deadlines;
    private final ServeOptions options;
    private final String modelId;
    private final BodyBudget bodies;
    private final StoppingHandler stopping;
    private final OpenConnections connections;
    private final Duration shutdownIdle;
    private boolean stopped;

    private ScoringServer(Server server, ServerConnector connector, RequestDeadlines deadlines, ServeOptions options,
            String modelId, BodyBudget bodies, StoppingHandler stopping, OpenConnections connections,
            Duration shutdownIdle) {
        this.server = server;
        this.connector = connector;
        this.deadlines = deadlines;
        this.options = options;
        this.modelId = modelId;
        this.bodies = bodies;
        this.stopping = stopping;
        this.connections = connections;
        this.shutdownIdle = shutdownIdle;
    }

    /**
     * Binds and starts serving {@code model}; {@code featurizer} turns a comment into its 20 feature
     * values (the same code path as training).
     */
    public static ScoringServer start(ScoringModel model, Function<Comment, double[]> featurizer, ServeOptions options)
            throws IOException {
        return start(model, featurizer, options, SHUTDOWN_IDLE);
    }

    static ScoringServer start(ScoringModel model, Function<Comment, double[]> featurizer, ServeOptions options,
            Duration shutdownIdle) throws IOException {
        int threads = options.threads() + JETTY_THREADS;
        QueuedThreadPool pool = new QueuedThreadPool(threads, threads);
        pool.setName("serve");
        pool.setDaemon(true);
        Server server = new Server(pool);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        ServerConnector connector = new AcceptBackoffConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.bind());
        connector.setPort(options.port());
        connector.setAcceptQueueSize(BACKLOG);
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        RequestDeadlines deadlines = new RequestDeadlines(options.requestTimeout().toMillis());
        connector.addEventListener(deadlines);
        OpenConnections connections = new OpenConnections();
        connector.addEventListener(connections);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));

        RequestJson json = new RequestJson();
        BodyBudget bodies = new BodyBudget(options.maxBodyMemory());
        StoppingHandler stopping = new StoppingHandler(new ApiHandler(json, new Answers(model, featurizer),
                ModelMetadata.write(model.tree(), model.info()), model.modelId(), options, bodies), json.mapper());
        server.setHandler(stopping);
        server.setErrorHandler(new JsonErrorHandler(json.mapper()));
        server.setStopTimeout(0); // stop() runs the graceful part itself
        try {
            server.start();
        } catch (IOException e) {
            deadlines.close();
            // Jetty says "Failed to bind to /127.0.0.1:8000"; the cause says why (address already in use)
            Throwable cause = e.getCause();
            throw cause != null && cause.getMessage() != null && !e.getMessage().contains(cause.getMessage())
                    ? new IOException(e.getMessage() + ": " + cause.getMessage().toLowerCase(Locale.ROOT), e) : e;
        } catch (Exception e) {
            deadlines.close();
            throw new IOException("cannot start the HTTP server on " + options.bind() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
        ScoringServer s = new ScoringServer(server, connector, deadlines, options, model.modelId(), bodies,
                stopping, connections, shutdownIdle);
        LOG.info("trollwatch serve: listening on {} (model {})", s.url(), model.modelId());
        return s;
    }

    /** Where the server answers: {@code http://HOST:PORT}, an IPv6 literal in brackets. */
    public String url() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        return "http://" + host + ":" + port();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public String modelId() {
        return modelId;
    }

    /** Bytes of request bodies held now (received, or being scored). */
    long bodyBytesHeld() {
        return bodies.held();
    }

    /** Requests received and not yet answered. */
    int requestsInFlight() {
        return (int) stopping.getCurrentRequestCount(); // Jetty's graceful handler counts them anyway
    }

    /**
     * Stops accepting connections, answers the requests already taken (waiting up to the grace
     * period; later requests on open connections get a 503), then closes the remaining connections
     * and stops the workers. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        long graceMillis = options.shutdownGrace().toMillis();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        try {
            // First new requests get a 503 (so a refused connection means that has begun), then the
            // listening socket closes; connections idle between requests close after SHUTDOWN_IDLE.
            CompletableFuture<Void> taken = stopping.shutdown();
            connector.close();
            // Idle connections close while the busy ones finish (each closes once answered and idle).
            connections.closeIdleUntilNone(shutdownIdle.toNanos(), deadline);
            long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            taken.get(left, TimeUnit.MILLISECONDS); // the requests let through are answered
            stopping.awaitRefusalsAnswered(deadline);
        } catch (TimeoutException e) {
            LOG.warn("trollwatch serve: requests still running after {} s; closing their connections",
                    options.shutdownGrace().toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("trollwatch serve: stopping the HTTP server: {}", e.getCause().toString());
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("trollwatch serve: stopping the HTTP server: {}", e.toString());
        }
        deadlines.close();
        long refused = stopping.refused();
        if (refused > 0) {
            LOG.info("trollwatch serve: {} request{} arriving while stopping answered 503", refused, refused == 1 ? "" : "s");
        }
        LOG.info("trollwatch serve: stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
