package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results on stdout that cannot be written (a full disk, a closed pipe) fail the command: before,
 * the JVM's writers dropped the error, so {@code features > f.csv} on a full disk ended with a
 * truncated file and exit 0, and a closed pipe was fed to the end of the input.
 */
class StdoutFailureTest {
    private static final File FULL = new File("/dev/full");

    @TempDir
    static Path dir;
    private static Path dump;

    @BeforeAll
    static void dump() {
        dump = dir.resolve("dump.csv");
        CliRunner.Result r = CliRunner.run("generate", "-q", "--rows", "300", "--seed", "5", "--out", dump.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    /** Runs trollwatch with stdout sent to {@code stdout}; returns exit code and stderr. */
    private static CliRunner.Result runTo(File stdout, String... args) throws Exception {
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(ProcessRunner.command("256m", args))
                .redirectOutput(stdout).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not finish within 120 s");
        return new CliRunner.Result(p.exitValue(), "", Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assumeDevFull() {
        assumeTrue(FULL.exists() && FULL.canWrite(), "skipped: no writable /dev/full on this system");
    }

    private static void assertStdoutFailure(CliRunner.Result r, String reason) {
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("trollwatch: error: I/O error: standard output: " + reason), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void featuresToAFullDiskFail() throws Exception {
        assumeDevFull();
        assertStdoutFailure(runTo(FULL, "features", "-q", "--in", dump.toString()), "No space left on device");
    }

    @Test
    void trainWhoseReportCannotBePrintedFails() throws Exception {
        assumeDevFull();
        Path base = dir.resolve("m");
        assertStdoutFailure(runTo(FULL, "train", "-q", "--in", dump.toString(), "--out", base.toString()),
                "No space left on device");
        // Exit 1 leaves the disk as it was: the set used to be committed first, so a failed run had
        // replaced the model a CI job would still take for the old one.
        assertTrue(Files.notExists(dir.resolve("m.json")) && Files.notExists(dir.resolve("m.model"))
                && Files.notExists(dir.resolve("m.metrics.json")), "no file of the set appears");
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void helpToAFullDiskFailsWithoutAStackTrace() throws Exception {
        assumeDevFull();
        assertStdoutFailure(runTo(FULL, "features", "--help"), "No space left on device");
        assertStdoutFailure(runTo(FULL, "--version"), "No space left on device");
    }

    @Test
    void aClosedPipeStopsTheCommand() throws Exception {
        // 200,000 rows take tens of seconds to generate; a reader gone after 4 KB ends the run at once.
        Process p = new ProcessBuilder(ProcessRunner.command("256m", "generate", "-q", "--rows", "200000", "--seed", "1"))
                .redirectError(dir.resolve("pipe-err.txt").toFile()).start();
        try (InputStream stdout = p.getInputStream()) {
            assertEquals(4096, stdout.readNBytes(4096).length);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not finish within 120 s");
        CliRunner.Result r = new CliRunner.Result(p.exitValue(), "",
                Files.readString(dir.resolve("pipe-err.txt"), StandardCharsets.UTF_8));
        assertStdoutFailure(r, "Broken pipe");
    }
}
