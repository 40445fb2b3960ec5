package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stream} with no broker behind {@code --bootstrap-servers}: a few log lines and one clear error, exit 1. */
class StreamUnreachableBrokerTest {

    @Test
    void noBrokerGivesAFewWarningsAndAnErrorNamingTheAddress(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: connections to it are refused
        }
        Path config = dir.resolve("client.properties");
        // The client retries for max.block.ms (default 60 s); 4 s already means dozens of retries.
        Files.writeString(config, "max.block.ms=4000\n");
        String model = Path.of(getClass().getResource("/modelio/v1/trollwatch.json").toURI()).toString();
        String servers = "127.0.0.1:" + port;
        CliRunner.Result r = ProcessRunner.run(Map.of(), List.of(), "stream", "--model", model,
                "--bootstrap-servers", servers, "--in-topic", "in", "--out-topic", "out",
                "--kafka-config", config.toString());

        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        List<String> lines = r.err().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("trollwatch: error: Kafka did not answer at " + servers), r.err());
        long refused = lines.stream().filter(l -> l.contains("could not be established")).count();
        assertEquals(1, refused, "each retry's warning is shown once per 30 s:\n" + r.err());
    }
}
