package dev.trollwatch.serve;

import java.time.Duration;

/**
 * How the server runs.
 *
 * @param bind           address to listen on (127.0.0.1 by default: loopback only)
 * @param port           TCP port; 0 picks a free one
 * @param threads        request worker threads
 * @param maxBodyBytes   largest request body accepted; larger ones get 413
 * @param maxBatch       most comments in one array request
 * @param shutdownGrace  how long stopping waits for in-flight requests
 * @param requestTimeout longest time from a request's first byte to its answer (header and body
 *                       included); a slower connection is closed (408 once its header is in)
 * @param idleTimeout    how long a connection may stay silent (between requests, or mid-request)
 * @param maxBodyMemory  bytes of request bodies held at once over all connections (at least
 *                       {@code maxBodyBytes}); past it new body bytes get a 503
 */
public record ServeOptions(String bind, int port, int threads, int maxBodyBytes, int maxBatch, Duration shutdownGrace,
        Duration requestTimeout, Duration idleTimeout, long maxBodyMemory) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_BATCH = 1000;
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** Workers are started up front: a bound keeps a typo from starting 100,000 threads. */
    public static final int MAX_THREADS = 256;

    public ServeOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (threads < 1 || threads > MAX_THREADS || maxBodyBytes < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("threads must be 1.." + MAX_THREADS + ", maxBodyBytes and maxBatch positive");
        }
        if (requestTimeout.toMillis() < 1 || idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("requestTimeout and idleTimeout must be positive");
        }
        if (maxBodyMemory < maxBodyBytes) {
            throw new IllegalArgumentException("maxBodyMemory " + maxBodyMemory + " < maxBodyBytes " + maxBodyBytes
                    + ": a body of the largest size could never be received");
        }
    }

    /** These limits with the default request and idle timeouts and body memory. */
    public ServeOptions(String bind, int port, int threads, int maxBodyBytes, int maxBatch, Duration shutdownGrace) {
        this(bind, port, threads, maxBodyBytes, maxBatch, shutdownGrace, DEFAULT_REQUEST_TIMEOUT, DEFAULT_IDLE_TIMEOUT,
                Math.max(maxBodyBytes, defaultBodyMemory()));
    }

    /**
     * A quarter of the heap: bodies are held as bytes while they arrive and while they are parsed
     * and scored; the rest of the heap is for their JSON trees, the model and the server.
     */
    public static long defaultBodyMemory() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** Defaults on this port: loopback, 2 threads per core, 1 MiB bodies, 1000 comments a batch, 10 s grace. */
    public static ServeOptions defaults(int port) {
        return new ServeOptions(DEFAULT_BIND, port, defaultThreads(), DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BATCH,
                Duration.ofSeconds(10));
    }

    /** Two workers per core, at most {@link #MAX_THREADS}. */
    public static int defaultThreads() {
        return Math.min(2 * Runtime.getRuntime().availableProcessors(), MAX_THREADS);
    }

    /** The same options with other request and idle timeouts. */
    ServeOptions withTimeouts(Duration request, Duration idle) {
        return new ServeOptions(bind, port, threads, maxBodyBytes, maxBatch, shutdownGrace, request, idle, maxBodyMemory);
    }

    /** The same options with another body memory budget. */
    ServeOptions withBodyMemory(long bytes) {
        return new ServeOptions(bind, port, threads, maxBodyBytes, maxBatch, shutdownGrace, requestTimeout, idleTimeout, bytes);
    }
}
