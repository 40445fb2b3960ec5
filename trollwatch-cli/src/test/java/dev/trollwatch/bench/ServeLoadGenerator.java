package dev.trollwatch.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for {@code trollwatch serve} (run by {@code scripts/bench-serve}, in its own JVM):
 * keep-alive HTTP/1.1 connections POSTing one request body. JDK only, so it runs from
 * {@code target/test-classes} without other jars.
 *
 * <p>With {@code rate > 0} requests are scheduled at fixed times (open loop) and each latency is
 * measured from its scheduled start, so a stalled server shows up in the percentiles instead of
 * slowing the generator (no coordinated omission). With {@code rate = 0} every connection sends
 * as fast as it gets answers (saturation).
 *
 * <p>BODY_FILE {@code GET:/path} sends {@code GET /path} instead (e.g. {@code GET:/health}, the
 * server's own overhead without any scoring work).
 *
 * <pre>usage: ServeLoadGenerator HOST PORT BODY_FILE RATE CONNECTIONS REQUESTS [WARMUP_REQUESTS]</pre>
 */
public final class ServeLoadGenerator {
    private final String host;
    private final int port;
    private final byte[] request;
    private final double rate;
    private final int connections;

    private ServeLoadGenerator(String host, int port, byte[] request, double rate, int connections) {
        this.host = host;
        this.port = port;
        this.rate = rate;
        this.connections = connections;
        this.request = request;
    }

    private static byte[] getRequest(String host, int port, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] postRequest(String host, int port, byte[] body) {
        byte[] head = ("POST /predict HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: ServeLoadGenerator HOST PORT BODY_FILE RATE CONNECTIONS REQUESTS [WARMUP]");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        byte[] request = args[2].startsWith("GET:") ? getRequest(host, port, args[2].substring(4))
                : postRequest(host, port, Files.readAllBytes(Path.of(args[2])));
        ServeLoadGenerator g = new ServeLoadGenerator(host, port, request, Double.parseDouble(args[3]),
                Integer.parseInt(args[4]));
        int requests = Integer.parseInt(args[5]);
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        if (warmup > 0) {
            g.run(warmup);
        }
        System.out.println(g.run(requests));
    }

    /** Sends {@code n} requests and summarises them. */
    private String run(int n) throws Exception {
        long[] latencies = new long[n];
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime() + 10_000_000L;
        long intervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                try {
                    connectionLoop(n, latencies, next, errors, start, intervalNanos);
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return String.format(Locale.ROOT,
                "requests=%d errors=%d connections=%d target_rate=%s elapsed_s=%.2f throughput_rps=%.0f "
                        + "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f",
                n, errors.get(), connections, rate > 0 ? String.format(Locale.ROOT, "%.0f", rate) : "saturate",
                elapsed / 1e9, n / (elapsed / 1e9), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private void connectionLoop(int n, long[] latencies, AtomicLong next, AtomicLong errors, long start, long interval) {
        Socket socket = null;
        InputStream in = null;
        try {
            for (long i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                long scheduled = interval > 0 ? start + i * interval : System.nanoTime();
                long wait;
                while ((wait = scheduled - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    if (socket == null) {
                        socket = new Socket(host, port);
                        socket.setTcpNoDelay(true);
                        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(request);
                    out.flush();
                    int status = readResponse(in);
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                    latencies[(int) i] = System.nanoTime() - scheduled;
                } catch (IOException e) {
                    errors.incrementAndGet();
                    close(socket);
                    socket = null;
                }
            }
        } finally {
            close(socket);
        }
    }

    /** Reads one response (status line, headers, Content-Length body) and returns its status. */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                length = Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        if (in.readNBytes(length).length != length) {
            throw new IOException("connection closed mid-body");
        }
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    private static void close(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing a broken connection
            }
        }
    }
}
