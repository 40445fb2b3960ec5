package dev.trollwatch.serve;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.modelio.ModelMetadata;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP scoring server, on the JDK's built-in {@link HttpServer} with a bounded pool of worker
 * threads. When the queue is full the accepting thread runs the request itself, which slows
 * accepting down instead of dropping connections. {@link #stop()} stops accepting and lets
 * in-flight requests finish, waiting at most the configured grace period.
 */
public final class ScoringServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringServer.class);
    private static final int QUEUE_PER_THREAD = 256;
    private static final int BACKLOG = 1024;

    static {
        // Read once when the JDK server's classes load. Without TCP_NODELAY small keep-alive answers
        // can wait ~40 ms for delayed ACKs. Past maxIdleConnections (default 200) the JDK server
        // silently closes a keep-alive connection right after answering on it, so a client that
        // reuses it fails; allow more idle connections (they still time out after idleInterval).
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "1024");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final ServeOptions options;
    private final String modelId;
    private final InFlight inFlight;
    private boolean stopped;

    private ScoringServer(HttpServer server, ThreadPoolExecutor workers, ServeOptions options, String modelId,
            InFlight inFlight) {
        this.server = server;
        this.inFlight = inFlight;
        this.workers = workers;
        this.options = options;
        this.modelId = modelId;
    }

    /**
     * Binds and starts serving {@code model}; {@code featurizer} turns a comment into its 20 feature
     * values (the same code path as training).
     */
    public static ScoringServer start(ScoringModel model, Function<Comment, double[]> featurizer, ServeOptions options)
            throws IOException {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        HttpServer server = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), BACKLOG);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_PER_THREAD * options.threads()),
                r -> {
                    Thread t = new Thread(r, "serve-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        InFlight inFlight = new InFlight();
        // Counted from the moment the server hands a connection's request to the pool until it is answered.
        server.setExecutor(task -> {
            inFlight.enter();
            try {
                workers.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        inFlight.exit();
                    }
                });
            } catch (RuntimeException e) {
                inFlight.exit();
                throw e;
            }
        });
        server.createContext("/", new ApiHandler(mapper, new Answers(model, featurizer),
                ModelMetadata.write(model.tree(), model.info()), model.modelId(), options));
        server.start();
        ScoringServer s = new ScoringServer(server, workers, options, model.modelId(), inFlight);
        LOG.info("trollwatch serve: listening on http://{}:{} (model {})", options.bind(), s.port(), model.modelId());
        return s;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public String modelId() {
        return modelId;
    }

    /** Requests received and not yet answered (queued or running). */
    public int requestsInFlight() {
        return inFlight.count();
    }

    /**
     * Stops accepting connections, waits up to the grace period for requests in flight to be
     * answered, then closes the remaining connections and stops the workers. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        long graceSeconds = Math.max(1, options.shutdownGrace().toSeconds());
        // HttpServer.stop(delay) closes the listener at once, but on JDK 17 it waits the whole delay
        // unless a request completes meanwhile; so it runs aside while we wait for our own count of
        // requests in flight, and stop(0) then ends it (and closes idle keep-alive connections).
        Thread closing = new Thread(() -> server.stop((int) Math.min(Integer.MAX_VALUE, graceSeconds)), "serve-stop");
        closing.start();
        try {
            if (!inFlight.awaitIdle(TimeUnit.SECONDS.toMillis(graceSeconds))) {
                LOG.warn("trollwatch serve: requests still running after {} s; closing their connections", graceSeconds);
            }
            server.stop(0);
            closing.join();
            workers.shutdown();
            if (!workers.awaitTermination(graceSeconds, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("trollwatch serve: stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
