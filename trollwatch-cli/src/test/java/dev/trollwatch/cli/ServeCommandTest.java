package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code trollwatch serve} as a real process: logs its address, answers, stops cleanly with exit
 * 0 on SIGTERM and on SIGINT (Ctrl-C), and survives clients that leave early under a low
 * file-descriptor limit.
 */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+) \\(model ([0-9a-f]+)\\)");

    /**
     * A started server process; the rest of its log is drained by a thread (a full pipe would
     * block the server's logging) and {@code logEnd} completes with it when the process closes it.
     */
    private record Served(Process process, CompletableFuture<String> logEnd, int port, String modelId) {
    }

    private static Served serve(String shellPrefix) throws Exception {
        return serve(shellPrefix, null);
    }

    private static Served serve(String shellPrefix, String maxHeap, String... options) throws Exception {
        String model = Path.of(ServeCommandTest.class.getResource("/modelio/v1/trollwatch.onnx").toURI()).toString();
        List<String> args = new ArrayList<>(List.of("serve", "--model", model, "--port", "0"));
        args.addAll(List.of(options));
        List<String> java = ProcessRunner.command(maxHeap, args.toArray(String[]::new));
        // Reset TERM and INT to their defaults: a test JVM started in the background inherits INT as
        // ignored, and the JVM then leaves an ignored signal alone (as it should for a real user).
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=TERM,INT"));
        if (shellPrefix != null) {
            cmd.addAll(List.of("bash", "-c", shellPrefix + " && exec \"$@\"", "bash"));
        }
        cmd.addAll(java);
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        // Bounded: a server that never logs its start line (or logs something else) must fail the test, not hang it.
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return log.readLine();
            } catch (java.io.IOException e) {
                return null;
            }
        });
        String first;
        try {
            first = firstLine.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            server.destroyForcibly();
            throw new AssertionError("no start line within 60 s");
        }
        Matcher m = LISTENING.matcher(first == null ? "" : first);
        if (!m.find()) {
            server.destroyForcibly();
            throw new AssertionError("one start line with address and model id, got: " + first);
        }
        CompletableFuture<String> rest = new CompletableFuture<>();
        Thread drain = new Thread(() -> rest.complete(log.lines().reduce("", (a, b) -> a + b + "\n")), "serve-log");
        drain.setDaemon(true);
        drain.start();
        return new Served(server, rest, Integer.parseInt(m.group(1)), m.group(2));
    }

    private static HttpResponse<String> health(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the signal, reads the log to its end and returns the exit status (bounded wait). */
    private static int stopWith(Served s, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(s.process().pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(s.process().waitFor(60, TimeUnit.SECONDS), "server stopped after " + signal);
        String rest = s.logEnd().get(60, TimeUnit.SECONDS);
        assertTrue(rest.contains("trollwatch serve: stopped"), rest);
        assertTrue(rest.contains("SIG" + signal + " received"), rest);
        return s.process().exitValue();
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    @EnabledOnOs(OS.LINUX)
    void servesUntilSigtermOrCtrlCThenExitsZero(String signal) throws Exception {
        Served s = serve(null);
        try {
            HttpResponse<String> health = health(s.port());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"model_id\":\"" + s.modelId() + "\""), health.body());
            assertEquals(0, stopWith(s, signal));
        } finally {
            s.process().destroyForcibly();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void quietStillSaysWhereItListensAndNothingElse() throws Exception {
        Served s = serve(null, null, "-q"); // fails unless its first line names the port picked for --port 0
        try {
            assertEquals(200, health(s.port()).statusCode());
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(s.process().pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(s.process().waitFor(60, TimeUnit.SECONDS), "stopped");
            assertEquals(0, s.process().exitValue());
            assertEquals("", s.logEnd().get(60, TimeUnit.SECONDS), "no other line under -q");
        } finally {
            s.process().destroyForcibly();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void threeHundredClientsLeavingEarlyDoNotSilenceItUnderALowFileLimit() throws Exception {
        Served s = serve("ulimit -n 256");
        try {
            byte[] body = "{\"author\": \"x\"}".getBytes(StandardCharsets.UTF_8);
            byte[] request = ("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length
                    + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 300; i++) {
                try (Socket c = new Socket("127.0.0.1", s.port())) {
                    OutputStream out = c.getOutputStream();
                    out.write(request);
                    out.flush();
                } // gone before the answer
            }
            // A final client that waits for its answer gets one: nothing leaked past the limit.
            try (Socket c = new Socket("127.0.0.1", s.port())) {
                c.setSoTimeout(10_000);
                c.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = c.getInputStream();
                String status = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
                assertEquals("HTTP/1.1 200 OK", status);
            }
            assertEquals(200, health(s.port()).statusCode());
            assertEquals(0, stopWith(s, "TERM"));
        } finally {
            s.process().destroyForcibly();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void bodiesAnnouncedButNotSentDoNotRunTheHeapOut() throws Exception {
        // Found by probing: each request held a buffer of its Content-Length before any byte of the
        // body came, so 300 headers announcing 1 MiB took 300 MB; in a 96 MB heap the server ran out
        // of memory and answered 500s naming the OutOfMemoryError.
        Served s = serve(null, "96m", "--request-timeout", "2");
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket c = new Socket("127.0.0.1", s.port());
                c.setSoTimeout(30_000);
                c.getOutputStream().write(("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1048576\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                clients.add(c);
            }
            for (Socket c : clients) { // every one of them waits for its body until the request deadline
                String status = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertEquals("HTTP/1.1 408 Request Timeout", status);
            }
            assertEquals(200, health(s.port()).statusCode());
            assertEquals(0, stopWith(s, "TERM"));
            String log = s.logEnd().get(60, TimeUnit.SECONDS);
            assertTrue(!log.contains("OutOfMemoryError"), log);
        } finally {
            for (Socket c : clients) {
                c.close();
            }
            s.process().destroyForcibly();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void malformedRequestsAreAnsweredWithoutPuttingTheClientsTextInTheLog() throws Exception {
        // Found by probing: Jetty logged "Encountered multiple `Host` headers ... as `a`, ... as `b`".
        Served s = serve(null);
        try {
            for (String request : new String[] {"GET / HTTP/1.1\r\nHost: client-text-a\r\nHost: client-text-b\r\n\r\n",
                    "GET http:///x HTTP/1.1\r\nHost: client-text-c\r\n\r\n"}) {
                try (Socket c = new Socket("127.0.0.1", s.port())) {
                    c.setSoTimeout(10_000);
                    c.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                    String status = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                    assertEquals("HTTP/1.1 400 Bad Request", status);
                }
            }
            assertEquals(0, stopWith(s, "TERM"));
            String log = s.logEnd().get(60, TimeUnit.SECONDS);
            assertTrue(!log.contains("client-text"), log);
        } finally {
            s.process().destroyForcibly();
        }
    }

    @Test
    void portAlreadyInUseIsAOneLineError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String model = Path.of(getClass().getResource("/modelio/v1/trollwatch.json").toURI()).toString();
            CliRunner.Result r = CliRunner.run("serve", "--model", model, "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(ExitCode.FAILURE, r.exitCode());
            assertTrue(r.err().contains("trollwatch: error: "), r.err());
            assertTrue(r.err().contains("address already in use"), "says why: " + r.err());
        }
    }

    @Test
    void outOfRangeOptionsAreUsageErrorsNamingTheOption() throws Exception {
        String model = Path.of(getClass().getResource("/modelio/v1/trollwatch.json").toURI()).toString();
        // Workers start up front: 100,000 of them used to hang the start instead of failing.
        CliRunner.Result threads = CliRunner.run("serve", "--model", model, "--port", "0", "--threads", "100000");
        assertEquals(ExitCode.USAGE, threads.exitCode(), threads.err());
        assertTrue(threads.err().contains("--threads must be at most 256, got 100000"), threads.err());
        CliRunner.Result timeout = CliRunner.run("serve", "--model", model, "--port", "0", "--idle-timeout", "0");
        assertEquals(ExitCode.USAGE, timeout.exitCode(), timeout.err());
        assertTrue(timeout.err().contains("--idle-timeout must be at least 1, got 0"), timeout.err());
        CliRunner.Result port = CliRunner.run("serve", "--model", model, "--port", "70000");
        assertEquals(ExitCode.USAGE, port.exitCode(), port.err());
        assertTrue(port.err().contains("--port must be at most 65535, got 70000"), port.err());
    }
}
