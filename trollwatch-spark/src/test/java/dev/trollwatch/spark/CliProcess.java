package dev.trollwatch.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with its stderr captured: trollwatch's CLI as a process from its shaded jar (its
 * logging is logback, Spark's is log4j2, so the two do not share a JVM), or the Spark jobs' command
 * line in-process on the test's session.
 */
final class CliProcess {
    /** The CLI jar trollwatch-cli made; the surefire configuration passes its path. */
    static final Path CLI_JAR = Path.of(System.getProperty("trollwatch.cli.jar", "../trollwatch-cli/target/trollwatch.jar"));

    record Result(int exitCode, String err) {
    }

    private CliProcess() {
    }

    /** {@code java -jar trollwatch.jar ARGS}. */
    static Result trollwatch(String... args) {
        if (!Files.isRegularFile(CLI_JAR)) {
            throw new IllegalStateException(CLI_JAR + " is missing: build the CLI first (mvn -DskipTests -pl trollwatch-cli -am package)");
        }
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", CLI_JAR.toString()));
        cmd.addAll(List.of(args));
        return child(cmd);
    }

    /**
     * {@code trollwatch-spark ARGS} in a child JVM of its own, with this JVM's class path and
     * {@code --add-opens}: for what the test's shared session would hide, such as starting Spark.
     */
    static Result sparkProcess(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkMain.class.getName()));
        cmd.addAll(List.of(args));
        return child(cmd);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code cmd} to its end (at most 5 minutes), stdout discarded, stderr captured. */
    private static Result child(List<String> cmd) {
        try {
            Path err = Files.createTempFile("trollwatch-child", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("did not finish within 300 s: " + cmd);
                }
                return new Result(p.exitValue(), Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code trollwatch-spark ARGS} on the test's session. */
    static Result spark(String... args) {
        return capture(() -> SparkMain.run(args));
    }

    private static synchronized Result capture(java.util.function.IntSupplier run) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = run.getAsInt();
            return new Result(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
