package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on inputs that cannot be re-read or never end: FIFOs, stdin, /dev/zero. */
class HostileInputCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path dump;

    @BeforeAll
    static void generateDump() {
        dump = dir.resolve("dump.csv.gz");
        CliRunner.Result r = CliRunner.run("generate", "--rows", "1500", "--seed", "3", "--out", dump.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
    }

    @Test
    void trainReadsAFifoOnceAndRecordsTheSameFingerprintAsForTheFile() throws Exception {
        CliRunner.Result fromFile = CliRunner.run("train", "--in", dump.toString(), "--out", dir.resolve("file").toString(),
                "--min-leaf", "20");
        assertEquals(ExitCode.OK, fromFile.exitCode(), fromFile.err());
        Path fifo = dir.resolve("train.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        AtomicReference<Exception> writerFailed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                Files.copy(dump, out);
            } catch (IOException e) {
                writerFailed.set(e);
            }
        });
        writer.start();
        CliRunner.Result fromFifo = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CliRunner.run("train",
                "--in", fifo.toString(), "--out", dir.resolve("fifo").toString(), "--min-leaf", "20"));
        writer.join();
        assertEquals(ExitCode.OK, fromFifo.exitCode(), fromFifo.err());
        assertEquals(null, writerFailed.get());
        assertEquals(sha(dir.resolve("file.metrics.json")), sha(dir.resolve("fifo.metrics.json")));
    }

    @Test
    void predictReadsAFifoOnceWhetherItHoldsADumpOrAFeaturesCsv() throws Exception {
        // Found by probing: predict opened --in twice (to tell a features CSV from a dump, then to
        // read it), so on a FIFO it waited for ever for a second writer, and `<(cat f)` was "empty".
        String model = Path.of(getClass().getResource("/modelio/v1/trollwatch.json").toURI()).toString();
        Path features = dir.resolve("predict-features.csv");
        CliRunner.Result f = CliRunner.run("features", "-q", "--in", dump.toString(), "--out", features.toString());
        assertEquals(ExitCode.OK, f.exitCode(), f.err());
        for (Path input : new Path[] {dump, features}) {
            CliRunner.Result fromFile = CliRunner.run("predict", "-q", "--model", model, "--in", input.toString());
            assertEquals(ExitCode.OK, fromFile.exitCode(), fromFile.err());
            Path fifo = dir.resolve("predict-" + input.getFileName() + ".fifo");
            assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
            Thread writer = new Thread(() -> {
                try (OutputStream out = Files.newOutputStream(fifo)) {
                    Files.copy(input, out);
                } catch (IOException e) {
                    // the reader's assertions below report it
                }
            });
            writer.start();
            CliRunner.Result fromFifo = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> CliRunner.run("predict", "-q", "--model", model, "--in", fifo.toString()));
            writer.join();
            assertEquals(ExitCode.OK, fromFifo.exitCode(), input + ": " + fromFifo.err());
            assertEquals(fromFile.out(), fromFifo.out(), input.toString());
            assertEquals(1501, fromFifo.out().split("\n").length, input.toString());
            CliRunner.Result fromStdin = withStdin(input, () -> CliRunner.run("predict", "-q", "--model", model, "--in", "-"));
            assertEquals(ExitCode.OK, fromStdin.exitCode(), input + ": " + fromStdin.err());
            assertEquals(fromFile.out(), fromStdin.out(), "stdin: " + input);
        }
    }

    @Test
    void trainAndEvaluateReadStdinForDash() throws Exception {
        CliRunner.Result train = withStdin(dump, () -> CliRunner.run("train", "--in", "-", "--out",
                dir.resolve("stdin").toString(), "--min-leaf", "20"));
        assertEquals(ExitCode.OK, train.exitCode(), train.err());
        CliRunner.Result eval = withStdin(dump, () -> CliRunner.run("evaluate", "--model",
                dir.resolve("stdin.json").toString(), "--in", "-"));
        assertEquals(ExitCode.OK, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("Predicted"), eval.out());
    }

    @Test
    void devZeroFailsAtOnceWithItsNameAndNoTrace() {
        for (String command : new String[] {"features", "predict", "train"}) {
            String[] args = command.equals("predict")
                    ? new String[] {"predict", "--in", "/dev/zero", "--model", "models-not-needed.json"}
                    : new String[] {command, "--in", "/dev/zero", "--out", dir.resolve("z-" + command).toString()};
            CliRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRunner.run(args));
            assertEquals(ExitCode.FAILURE, r.exitCode(), command + ": " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            if (!command.equals("predict")) {
                assertTrue(r.err().contains("/dev/zero:1: a NUL character"), r.err());
            }
        }
    }

    private static String sha(Path metrics) throws IOException {
        String sha = JSON.readTree(metrics.toFile()).at("/data/sha256").asText();
        assertEquals(64, sha.length(), metrics + ": " + sha);
        return sha;
    }

    private interface Run {
        CliRunner.Result run() throws Exception;
    }

    private static CliRunner.Result withStdin(Path file, Run run) throws Exception {
        InputStream old = System.in;
        try (InputStream in = Files.newInputStream(file)) {
            System.setIn(in);
            return run.run();
        } finally {
            System.setIn(old);
        }
    }
}
