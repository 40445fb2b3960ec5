package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stopped run leaves neither a half-written file nor its hidden temp file behind; --out is checked. */
class SignalCleanupTest {
    @TempDir
    Path dir;

    private List<Path> temps() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void sigtermDuringALongWriteRemovesTheTempFile() throws Exception {
        Path out = dir.resolve("big.csv");
        Process p = new ProcessBuilder(ProcessRunner.command("256m", "generate", "--rows", "50000000", "--out", out.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (temps().isEmpty() || Files.size(temps().get(0)) < 1 << 20) { // the write is under way
                assertTrue(p.isAlive(), Files.readString(dir.resolve("log.txt")));
                assertTrue(System.nanoTime() < deadline, "no temp file grew within 60 s");
                Thread.onSpinWait();
            }
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), temps());
        assertFalse(Files.exists(out));
    }

    @Test
    void trainOutThatIsADirectoryIsAUsageError() throws Exception {
        CliRunner.Result r = CliRunner.run("train", "--in", "no-such.csv", "--out", dir + "/");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("is a directory"), r.err());
    }
}
