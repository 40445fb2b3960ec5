package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.stream.KafkaBroker;
import dev.trollwatch.stream.KafkaBrokerExtension;
import dev.trollwatch.stream.ProducerShapedComments;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trollwatch stream} as a real process against a real broker: killed with SIGKILL mid-stream
 * and restarted, a {@code read_committed} reader sees every verdict exactly once; SIGTERM commits
 * and exits 0; secrets from --kafka-config never reach the log.
 */
class StreamCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String SECRET = "hunter2-do-not-log";
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void killedMidStreamAndRestartedEveryVerdictIsVisibleExactlyOnce(@TempDir Path dir) throws Exception {
        ProducerShapedComments comments = ProducerShapedComments.generate(3000, 21);
        KAFKA.broker().createTopics(2, "k-in", "k-out", "k-in-rejected");
        KAFKA.broker().produce(comments.records("k-in"));
        Path config = dir.resolve("client.properties");
        // Small batches: many transactions, so the kill lands inside one. A short session: the killed
        // consumer leaves no goodbye, the group waits that long before the restart gets its partitions.
        // The password is never used (PLAINTEXT), it only has to stay out of the log.
        Files.writeString(config, "consumer.max.poll.records=20\nsession.timeout.ms=6000\nssl.key.password=" + SECRET + "\n");

        try (KafkaBroker.TopicReader reader = KAFKA.broker().reader("k-out", true)) {
            StreamProcess first = StreamProcess.start(config);
            try {
                reader.awaitAtLeast(200, WAIT);
            } finally {
                first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no abort
                assertTrue(first.process.waitFor(60, TimeUnit.SECONDS));
            }
            int beforeRestart = reader.readToEnd(WAIT).size();
            assertTrue(beforeRestart >= 200 && beforeRestart < comments.size(),
                    "killed mid-stream: " + beforeRestart + " of " + comments.size() + " verdicts committed");
            assertFalse(first.log().contains(SECRET), "secret not logged");
            assertTrue(first.log().contains("ssl.key.password=[hidden]"), first.log());

            StreamProcess second = StreamProcess.start(config);
            List<ConsumerRecord<byte[], byte[]>> verdicts;
            try {
                reader.awaitAtLeast(comments.size(), WAIT);
                verdicts = reader.readToEnd(WAIT);
                second.process.toHandle().destroy(); // SIGTERM
                assertTrue(second.process.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
            } finally {
                second.process.destroyForcibly();
            }
            assertEquals(ExitCode.OK, second.process.exitValue(), second.log());
            assertTrue(second.log().contains("stream: stopped after"), second.log());

            assertEquals(comments.size(), verdicts.size(), "exactly one visible verdict per comment");
            Set<String> sources = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> r : verdicts) {
                JsonNode s = JSON.readTree(r.value()).get("source");
                assertTrue(sources.add(s.get("partition").asInt() + "@" + s.get("offset").asLong()), "no duplicate");
            }
        }
    }

    @Test
    void settingsTheStreamOwnsAreRefusedInTheConfigFile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "isolation.level=read_uncommitted\n");
        CliRunner.Result r = CliRunner.run("stream", "--model", model(), "--bootstrap-servers", "127.0.0.1:9",
                "--in-topic", "a", "--out-topic", "b", "--kafka-config", config.toString());
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("isolation.level cannot be set here"), r.err());

        Files.writeString(config, "sasl.jaas.config=x\nno.such.setting=1\n");
        r = CliRunner.run("stream", "--model", model(), "--bootstrap-servers", "127.0.0.1:9",
                "--in-topic", "a", "--out-topic", "b", "--kafka-config", config.toString());
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("no.such.setting is not a Kafka consumer or producer setting"), r.err());
    }

    @Test
    void sameInputAndOutputTopicIsAUsageError() throws Exception {
        CliRunner.Result r = CliRunner.run("stream", "--model", model(), "--bootstrap-servers", "127.0.0.1:9",
                "--in-topic", "a", "--out-topic", "a");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("input topic must differ"), r.err());
    }

    private static String model() throws Exception {
        return Path.of(StreamCommandTest.class.getResource("/modelio/v1/trollwatch.json").toURI()).toString();
    }

    /** {@code trollwatch stream} in a child JVM; its stderr is collected as it comes. */
    private record StreamProcess(Process process, StringBuffer stderr, Thread drain) {
        static StreamProcess start(Path config) throws Exception {
            List<String> cmd = ProcessRunner.command("512m",
                    "stream", "--model", model(), "--bootstrap-servers", KAFKA.broker().bootstrapServers(),
                    "--in-topic", "k-in", "--out-topic", "k-out", "--group", "k", "--transactional-id", "tw-k",
                    "--kafka-config", config.toString(), "--progress-interval", "1");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            StringBuffer err = new StringBuffer();
            Thread drain = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    r.lines().forEach(l -> err.append(l).append('\n'));
                } catch (java.io.IOException e) {
                    err.append("(log unreadable: ").append(e).append(")\n");
                }
            }, "stream-log");
            drain.start();
            return new StreamProcess(p, err, drain);
        }

        /** Everything it logged; complete once the process has exited. */
        String log() throws InterruptedException {
            if (!process.isAlive()) {
                drain.join(10_000);
            }
            return stderr.toString();
        }
    }
}
