package dev.trollwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol, with nothing but the JDK's
 * WebSocket client and Jackson: opens one page, records every network request and console or
 * script error, evaluates expressions and takes screenshots. Started with the flags that work as
 * root on a closed network, a fresh profile and DevTools on a free loopback port.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private String session;

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    HeadlessChromium(Path profile) throws Exception {
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--remote-allow-origins=*",
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String url = debuggerUrl();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ObjectNode target = JSON.createObjectNode().put("url", "about:blank");
        String targetId = call("Target.createTarget", target).get("targetId").asText();
        session = call("Target.attachToTarget", JSON.createObjectNode().put("targetId", targetId).put("flatten", true))
                .get("sessionId").asText();
        for (String domain : List.of("Page", "Network", "Runtime", "Log")) {
            call(domain + ".enable", JSON.createObjectNode());
        }
    }

    /** Reads Chromium's stderr until it prints its DevTools address (then keeps draining it). */
    private String debuggerUrl() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = err.readLine()) != null) {
            int at = line.indexOf("ws://");
            if (line.startsWith("DevTools listening on") && at >= 0) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return line.substring(at).trim();
            }
            seen.append(line).append('\n');
        }
        throw new IOException("chromium exited without a DevTools address:\n" + seen);
    }

    /** Sends a command (to the page once attached) and waits for its result. */
    JsonNode call(String method, ObjectNode params) {
        int id = nextId.getAndIncrement();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        if (session != null) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(msg.toString(), true).join();
        try {
            JsonNode r = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + ": " + r.get("error"));
            }
            return r.get("result");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Takes the network away from the page: any request it tried would fail (and is still recorded). */
    void offline() {
        call("Network.emulateNetworkConditions", JSON.createObjectNode().put("offline", true).put("latency", 0)
                .put("downloadThroughput", -1).put("uploadThroughput", -1));
    }

    /** Sets the viewport size in CSS pixels. */
    void viewport(int width, int height) {
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
    }

    /** Opens the file and waits for its load event. */
    void load(Path file) {
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        awaited.put("Page.loadEventFired", loaded);
        call("Page.navigate", JSON.createObjectNode().put("url", file.toUri().toString()));
        try {
            loaded.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the page did not finish loading", e);
        }
    }

    /** The value of a JavaScript expression, by value. */
    JsonNode evaluate(String expression) {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("evaluation failed: " + r.get("exceptionDetails"));
        }
        return r.get("result").get("value");
    }

    /** A PNG of the whole page at this width. */
    byte[] screenshot(int width) {
        double height = evaluate("document.documentElement.scrollHeight").asDouble();
        ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 1);
        ObjectNode p = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        p.set("clip", clip);
        return Base64.getDecoder().decode(call("Page.captureScreenshot", p).get("data").asText());
    }

    /** URLs of every request the page made (the navigation itself included). */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Console errors, uncaught exceptions and error log entries. */
    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    private void event(JsonNode msg) {
        String method = msg.get("method").asText();
        JsonNode p = msg.get("params");
        switch (method) {
            case "Network.requestWillBeSent" -> requests.add(p.get("request").get("url").asText());
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(p.get("type").asText()) || "assert".equals(p.get("type").asText())) {
                    errors.add("console: " + p.get("args"));
                }
            }
            case "Runtime.exceptionThrown" -> errors.add("exception: " + p.get("exceptionDetails"));
            case "Log.entryAdded" -> {
                if ("error".equals(p.get("entry").get("level").asText())) {
                    errors.add("log: " + p.get("entry").get("text").asText() + " " + p.get("entry").path("url").asText());
                }
            }
            default -> {
            }
        }
        CompletableFuture<JsonNode> f = awaited.remove(method);
        if (f != null) {
            f.complete(p);
        }
    }

    @Override
    public void close() {
        try {
            session = null;
            call("Browser.close", JSON.createObjectNode());
        } catch (RuntimeException e) {
            // already gone: nothing to close
        } finally {
            socket.abort();
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reassembles text frames and routes replies and events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder frame = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(frame.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else if (msg.has("method")) {
                        event(msg);
                    }
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
                frame.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
