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

    private static String model() throws Exception {
        return Path.of(StreamUnreachableBrokerTest.class.getResource("/modelio/v1/trollwatch.json").toURI()).toString();
    }

    @Test
    void badServersAndTopicNamesAreUsageErrorsBeforeAnyWait() throws Exception {
        // each started, and a minute later said "Kafka did not answer" (or exit 4, a "bug")
        for (String servers : List.of("nocolon", "127.0.0.1:99999", "kafka+ssl://127.0.0.1:1", "user:pw@127.0.0.1:1")) {
            CliRunner.Result r = CliRunner.run("stream", "--model", model(), "--bootstrap-servers", servers,
                    "--in-topic", "in", "--out-topic", "out");
            assertEquals(ExitCode.USAGE, r.exitCode(), servers + ": " + r.err());
            assertTrue(r.err().contains("bootstrap server '" + servers + "' is not HOST:PORT"), r.err());
        }
        CliRunner.Result topic = CliRunner.run("stream", "--model", model(), "--bootstrap-servers", "127.0.0.1:1",
                "--in-topic", "bad topic!", "--out-topic", "out");
        assertEquals(ExitCode.USAGE, topic.exitCode(), topic.err());
        assertTrue(topic.err().contains("the input topic 'bad topic!' is not a Kafka topic name"), topic.err());
    }

    @Test
    void settingsKafkaRefusesAreAFailureNamingThemWithoutQuotingASecret(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.properties"), "max.poll.records=abc\n");
        CliRunner.Result r = CliRunner.run("stream", "--model", model(), "--bootstrap-servers", "127.0.0.1:1",
                "--in-topic", "in", "--out-topic", "out", "--kafka-config", bad.toString());
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("Invalid value abc for configuration max.poll.records"), r.err());
        Path jaas = Files.writeString(dir.resolve("jaas.properties"), "security.protocol=SASL_PLAINTEXT\n"
                + "sasl.mechanism=PLAIN\nsasl.jaas.config=garbage hunter2secret\n");
        CliRunner.Result secret = CliRunner.run("stream", "--model", model(), "--bootstrap-servers", "127.0.0.1:1",
                "--in-topic", "in", "--out-topic", "out", "--kafka-config", jaas.toString());
        assertEquals(ExitCode.FAILURE, secret.exitCode(), secret.err());
        assertTrue(secret.err().contains("a malformed sasl.jaas.config"), secret.err());
        assertTrue(!secret.err().contains("hunter2secret"), "Kafka's message quoted the secret: " + secret.err());
        Path escape = Files.writeString(dir.resolve("escape.properties"), "ssl.key.password=\\u00zz\n");
        CliRunner.Result malformed = CliRunner.run("stream", "--model", model(), "--bootstrap-servers", "127.0.0.1:1",
                "--in-topic", "in", "--out-topic", "out", "--kafka-config", escape.toString());
        assertEquals(ExitCode.FAILURE, malformed.exitCode(), malformed.err());
        assertTrue(malformed.err().contains(escape + ": not a properties file"), malformed.err());
    }

    @Test
    void sigtermWhileWaitingForABrokerStopsAtOnce() throws Exception {
        // the wait for the transactional id ignored SIGTERM for the minute Kafka takes to give up
        List<String> cmd = ProcessRunner.command("256m", "stream", "--model", model(), "--bootstrap-servers",
                "127.0.0.1:1", "--in-topic", "in", "--out-topic", "out");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        java.io.BufferedReader err = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            seen.append(line).append('\n');
            if (line.contains("transactional id")) { // the stream is about to register it: the long wait
                break;
            }
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "still running 20 s after SIGTERM:\n" + seen);
        assertEquals(ExitCode.OK, p.exitValue(), seen.toString());
    }
}
