package dev.trollwatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs the CLI in-process and captures exit code, stdout and stderr. Commands write only through
 * picocli's writers, which are replaced here; System.err is captured too because that is where the
 * log appender writes (warnings such as skipped rows are part of what a command shows).
 */
public final class CliRunner {
    /** What one run produced. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    public static synchronized Result run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        StringWriter outWriter = new StringWriter();
        StringWriter errWriter = new StringWriter();
        try (PrintStream logs = new PrintStream(logBytes, true, StandardCharsets.UTF_8)) {
            System.setErr(logs);
            CommandLine cl = Main.newCommandLine();
            cl.setOut(new PrintWriter(outWriter, true));
            cl.setErr(new PrintWriter(errWriter, true));
            int code = Main.execute(cl, args);
            logs.flush();
            return new Result(code, outWriter.toString(), errWriter + logBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }
}
