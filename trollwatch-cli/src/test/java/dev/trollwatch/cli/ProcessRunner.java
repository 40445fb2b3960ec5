package dev.trollwatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs trollwatch in a child JVM — for what an in-process run cannot do, such as passing a password
 * through an environment variable, or receiving a signal.
 */
final class ProcessRunner {
    private ProcessRunner() {
    }

    /** {@code java [-XmxHEAP] -cp CLASSPATH Main ARGS} on this JVM's class path; {@code maxHeap} null: the default. */
    static List<String> command(String maxHeap, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (maxHeap != null) {
            cmd.add("-Xmx" + maxHeap);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static CliRunner.Result run(Map<String, String> env, List<String> removeEnv, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = command("256m", args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        removeEnv.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("tw-out", ".txt");
        Path err = Files.createTempFile("tw-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("trollwatch did not finish within 120 s: " + cmd);
            }
            return new CliRunner.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
