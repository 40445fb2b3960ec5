package dev.trollwatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import dev.trollwatch.model.WekaEnvironment;
import picocli.CommandLine;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
public final class CliRunner {
    /** What one run produced. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    public static synchronized Result run(String... args) {
        WekaEnvironment.configure();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        StringWriter outWriter = new StringWriter();
        StringWriter errWriter = new StringWriter();
        try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            System.setErr(err);
            CommandLine cl = Main.newCommandLine();
            cl.setOut(new PrintWriter(outWriter, true));
            cl.setErr(new PrintWriter(errWriter, true));
            int code = Main.execute(cl, args);
            out.flush();
            err.flush();
            return new Result(code,
                    outWriter + outBytes.toString(StandardCharsets.UTF_8),
                    errWriter + errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
