package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code trollwatch serve} as a real process: logs its address, answers, and stops cleanly on SIGTERM. */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+) \\(model ([0-9a-f]+)\\)");

    @Test
    void servesUntilSigtermThenStopsCleanly() throws Exception {
        String model = Path.of(getClass().getResource("/modelio/v1/trollwatch.onnx").toURI()).toString();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--model", model, "--port", "0"));
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader log = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String first = log.readLine();
            Matcher m = LISTENING.matcher(first == null ? "" : first);
            assertTrue(m.find(), "one start line with address and model id, got: " + first);

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + m.group(1) + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"model_id\":\"" + m.group(2) + "\""), health.body());

            server.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
            String rest = log.lines().reduce("", (a, b) -> a + b + "\n"); // until the process closes its output
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "server stopped after SIGTERM");
            assertTrue(rest.contains("trollwatch serve: stopped"), rest);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void portAlreadyInUseIsAOneLineError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String model = Path.of(getClass().getResource("/modelio/v1/trollwatch.json").toURI()).toString();
            CliRunner.Result r = CliRunner.run("serve", "--model", model, "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(ExitCode.FAILURE, r.exitCode());
            assertTrue(r.err().contains("trollwatch: error: "), r.err());
        }
    }
}
