package dev.trollwatch.serve;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.modelio.JsonModelFile;
import dev.trollwatch.modelio.ScoringModel;
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
        // Without TCP_NODELAY small keep-alive responses can wait ~40 ms for delayed ACKs.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final ServeOptions options;
    private final String modelId;
    private boolean stopped;

    private ScoringServer(HttpServer server, ThreadPoolExecutor workers, ServeOptions options, String modelId) {
        this.server = server;
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
        server.setExecutor(workers);
        server.createContext("/", new ApiHandler(mapper, new Answers(model, featurizer),
                JsonModelFile.metadata(model.tree(), model.info()), model.modelId(), options));
        server.start();
        ScoringServer s = new ScoringServer(server, workers, options, model.modelId());
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

    /**
     * Stops accepting connections, waits up to the grace period for requests in flight to be
     * answered, then stops the workers. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        long graceSeconds = Math.max(1, options.shutdownGrace().toSeconds());
        server.stop((int) Math.min(Integer.MAX_VALUE, graceSeconds));
        workers.shutdown();
        try {
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
