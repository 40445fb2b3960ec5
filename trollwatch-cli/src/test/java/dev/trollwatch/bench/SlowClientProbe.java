package dev.trollwatch.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How fast a normal client is answered while {@code SLOW} other clients hold connections open
 * mid-request (run by {@code scripts/bench-serve}, in its own JVM, JDK only): a third send half a
 * header, a third a bare request line, a third a header announcing a body that never comes. Then
 * {@code REQUESTS} scoring requests, each on a new connection, one after another; each waits at
 * most 5 s (a timeout counts, and its latency is the 5 s it waited); after 3 timeouts the probe
 * gives up and reports the requests sent so far.
 *
 * <pre>usage: SlowClientProbe HOST PORT BODY_FILE SLOW REQUESTS</pre>
 */
public final class SlowClientProbe {
    private static final int TIMEOUT_MILLIS = 5000;

    private SlowClientProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: SlowClientProbe HOST PORT BODY_FILE SLOW REQUESTS");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        byte[] body = Files.readAllBytes(Path.of(args[2]));
        int slow = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        byte[] head = ("POST /predict HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);

        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < slow; i++) {
                Socket s = new Socket(host, port);
                String partial = switch (i % 3) {
                    case 0 -> "POST /predict HTTP/1.1\r\nHost: " + host + "\r\nContent-Le";
                    case 1 -> "POST /predict HTTP/1.1\r\n";
                    default -> "POST /predict HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 500\r\n\r\n{\"a\":";
                };
                s.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
                held.add(s);
            }
            long[] latencies = new long[requests];
            int timeouts = 0;
            int errors = 0;
            int within100 = 0;
            int sent = 0;
            for (int i = 0; i < requests && timeouts < 3; i++, sent++) {
                long start = System.nanoTime();
                try (Socket s = new Socket(host, port)) {
                    s.setSoTimeout(TIMEOUT_MILLIS);
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    out.write(request);
                    out.flush();
                    if (ServeLoadGenerator.readResponse(new BufferedInputStream(s.getInputStream())) != 200) {
                        errors++;
                    }
                } catch (SocketTimeoutException e) {
                    timeouts++;
                } catch (IOException e) {
                    errors++;
                }
                latencies[i] = System.nanoTime() - start;
                if (latencies[i] <= 100_000_000L) {
                    within100++;
                }
            }
            latencies = Arrays.copyOf(latencies, sent);
            Arrays.sort(latencies);
            System.out.println(String.format(Locale.ROOT,
                    "slow_clients=%d requests=%d timeouts_5s=%d errors=%d within_100ms=%d p50_ms=%.3f p99_ms=%.3f max_ms=%.3f",
                    slow, sent, timeouts, errors, within100, ServeLoadGenerator.pct(latencies, 50),
                    ServeLoadGenerator.pct(latencies, 99), latencies[sent - 1] / 1e6));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
