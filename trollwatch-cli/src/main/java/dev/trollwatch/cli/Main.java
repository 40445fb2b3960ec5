package dev.trollwatch.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Entry point: builds the command line, runs it, and turns every failure into one line on stderr
 * and an exit code ({@link ExitCode}), {@link Error}s included.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs trollwatch with these arguments and returns the exit code (tests call this in-process). */
    public static int run(String... args) {
        return execute(newCommandLine(), args);
    }

    static CommandLine newCommandLine() {
        LoggingOptions.reset();
        CommandLine cl = configure(new CommandLine(new TrollwatchCommand()));
        // Every result and message goes through these writers; UTF-8 whatever the locale, because
        // dumps and tables are UTF-8 (the bytes written by the table writers come out unchanged).
        cl.setOut(new StdoutWriter(new FileOutputStream(FileDescriptor.out)));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return cl;
    }

    /** Exit codes and failure reporting of trollwatch on a command line (tests pass their own commands). */
    static CommandLine configure(CommandLine cl) {
        cl.setExitCodeExceptionMapper(t -> t instanceof UsageException || t instanceof CommandLine.ParameterException
                ? ExitCode.USAGE : ExitCode.FAILURE);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
        cl.setParameterExceptionHandler(new ParseErrorReport());
        // An empty file name ("$FILE" with the variable unset) reached the commands as the current
        // directory or a nameless file ("I/O error:  (No such file …)").
        cl.registerConverter(Path.class, text -> {
            if (text.isEmpty()) {
                throw new CommandLine.TypeConversionException("an empty file name");
            }
            // Path.of drops a trailing '/': "--out new.csv/" wrote new.csv, where the shell's > refuses
            if (text.length() > 1 && text.endsWith("/")) {
                throw new CommandLine.TypeConversionException("'" + text + "' ends in '/', a folder; every file"
                        + " option takes a file name");
            }
            return Path.of(text);
        });
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> Failures.report(ex, cmd.getErr(), cmd.getCommandName()));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Help and version text are printed outside the commands, so picocli would show a failed
        // write of them (stdout a full disk) as a stack trace.
        cl.setExecutionStrategy(parse -> {
            try {
                return new CommandLine.RunLast().execute(parse);
            } catch (UncheckedIOException e) {
                return Failures.report(e, cl.getErr(), cl.getCommandName());
            }
        });
        return cl;
    }

    /**
     * Runs the command line. picocli hands only {@link Exception}s to the execution exception
     * handler; an {@link Error} thrown by a command (OutOfMemoryError, StackOverflowError) leaves
     * {@code execute} and is reported here the same way (a failed write of help text is caught by
     * the execution strategy in {@link #configure}). A command that succeeded but whose results could not all be written to stdout fails (exit 1).
     */
    static int execute(CommandLine cl, String... args) {
        int code;
        try {
            code = cl.execute(args);
        } catch (Error e) {
            return Failures.report(e, cl.getErr(), cl.getCommandName());
        }
        if (cl.getOut() instanceof StdoutWriter stdout) {
            try {
                stdout.flush();
            } catch (UncheckedIOException e) {
                // reported below: the failure is kept
            }
            if (stdout.failure() != null && code == ExitCode.OK) {
                return Failures.report(stdout.failure(), cl.getErr(), cl.getCommandName());
            }
        }
        return code;
    }
}
