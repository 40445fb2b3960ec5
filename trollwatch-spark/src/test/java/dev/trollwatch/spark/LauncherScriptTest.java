package dev.trollwatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.features.FeatureSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/trollwatch-spark}, the laptop launcher, run as users run it (on this module's classes
 * and the test's class path): in local mode Spark ends the JVM with its own exit code 52 when a task
 * runs out of memory, which the launcher turns into trollwatch's message and exit 1; and since the
 * launcher no longer execs the JVM, a signal to it must still stop the job.
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "trollwatch-spark").toAbsolutePath().normalize();
    /** Rows whose one recent comment is 3.9 M characters: each task's sentiment holds tens of MB. */
    private static final int FILES = 16;

    @TempDir
    static Path dir;
    private static Path heavy;
    private static Path classpathFile;

    @BeforeAll
    static void writeHeavyDump() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String first = Files.readAllLines(SparkTestSession.resource("/dumps/sample.jsonl")).get(1);
        ObjectNode row = (ObjectNode) json.readTree(first);
        ObjectNode recent = (ObjectNode) ((ArrayNode) row.get("recent_comments")).get(0);
        recent.put("body", "good bad not very happy ".repeat(162_500));
        row.set("recent_comments", json.createArrayNode().add(recent));
        heavy = Files.createDirectories(dir.resolve("heavy"));
        for (int f = 0; f < FILES; f++) {
            try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(heavy.resolve("part-" + f + ".jsonl.gz")))) {
                for (int r = 0; r < 3; r++) {
                    row.put("created_utc", 1_550_000_000.0 + f * 10 + r);
                    os.write((json.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        classpathFile = Files.writeString(dir.resolve("classpath.txt"), System.getProperty("java.class.path"));
    }

    private static ProcessBuilder launcher(String javaOpts, Path stdout, Path stderr, String... args) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("TROLLWATCH_SPARK_JAR", Path.of("target", "classes").toAbsolutePath().toString());
        pb.environment().put("TROLLWATCH_SPARK_CLASSPATH", classpathFile.toString());
        pb.environment().put("JAVA_OPTS", javaOpts);
        return pb;
    }

    @Test
    void aTaskOutOfMemoryIsExitOneWithTheMessageNotSparksFiftyTwo() throws Exception {
        Path out = dir.resolve("oom-out");
        Path stdout = dir.resolve("oom.out");
        Path stderr = dir.resolve("oom.err");
        // 16 such tasks at once need well over the 480 MB heap (the least Spark starts with).
        Process p = launcher("-Xmx480m", stdout, stderr, "features", "--master", "local[" + FILES + "]",
                "--in", heavy.toString(), "--out", out.toString()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished");
        String err = Files.readString(stderr);
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.contains("trollwatch-spark: error: out of memory"), err);
        assertEquals("", Files.readString(stdout), "stdout holds results only, no log4j status lines");
        assertFalse(Files.exists(out), "no table from a failed job");
    }

    @Test
    void aSignalToTheLauncherStopsTheJobsJvm() throws Exception {
        Path out = dir.resolve("signal-out");
        Path stderr = dir.resolve("signal.err");
        Process p = launcher("-Xmx1g", dir.resolve("signal.out"), stderr, "features", "--master", "local[2]",
                "--in", heavy.toString(), "--out", out.toString()).start();
        ProcessHandle jvm = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (jvm == null && System.nanoTime() < deadline && p.isAlive()) {
            Optional<ProcessHandle> child = p.children().findFirst();
            jvm = child.orElse(null);
            if (jvm == null) {
                Thread.onSpinWait();
            }
        }
        assertTrue(jvm != null, "the launcher started a JVM");
        p.destroy(); // SIGTERM to the launcher only, as kill PID sends it
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher ended");
        assertTrue(jvm.onExit().get(120, TimeUnit.SECONDS) != null && !jvm.isAlive(), "the JVM ended too");
        assertEquals(143, p.exitValue(), Files.readString(stderr));
        assertFalse(Files.exists(out.resolve("_SUCCESS")), "the job was stopped, not run to its end");
    }

    @Test
    void aBadRowOfAFeaturesTableScoredByPredictIsOneLineAndQuietAndVerboseTogetherAreAUsageError() throws Exception {
        // Scored with no shuffle before the write, the failing task was logged again by Spark's writer
        // and committer: 9-17 lines with stack frames above the one error line, -q or not.
        Path features = SparkTestSession.resource("/golden/parity-sample.features.csv.gz");
        Path model = dir.resolve("bad-row-model");
        assertEquals(0, CliProcess.trollwatch("train", "--in", features.toString(), "--out", model.toString()).exitCode());
        List<String> lines = new ArrayList<>(List.of("author,link_id,created_utc,"
                + String.join(",", FeatureSchema.NAMES) + ",target"));
        List<String> values = new ArrayList<>(Collections.nCopies(FeatureSchema.SIZE, "1"));
        lines.add("a,t3_x,1.0," + String.join(",", values) + ",normal");
        values.set(3, "NaN");
        lines.add("b,t3_x,2.0," + String.join(",", values) + ",bot");
        Path bad = Files.write(dir.resolve("nan-features.csv"), lines);
        Path stderr = dir.resolve("bad-row.err");
        Process p = launcher("-Xmx1g", dir.resolve("bad-row.out"), stderr, "predict", "-q", "--master", "local[2]",
                "--model", model + ".json", "--in", bad.toString(), "--out", dir.resolve("bad-row-table").toString()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished");
        String err = Files.readString(stderr);
        assertEquals(1, p.exitValue(), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("trollwatch-spark: error: ") && err.contains(":3: "), err);

        Process both = launcher("-Xmx1g", dir.resolve("qv.out"), dir.resolve("qv.err"), "features", "-q", "-v",
                "--in", bad.toString(), "--out", dir.resolve("qv-table").toString()).start();
        assertTrue(both.waitFor(300, TimeUnit.SECONDS), "finished");
        assertEquals(2, both.exitValue(), Files.readString(dir.resolve("qv.err")));
        assertTrue(Files.readString(dir.resolve("qv.err")).contains("-q/--quiet and -v/--verbose are opposites"));
    }
}
