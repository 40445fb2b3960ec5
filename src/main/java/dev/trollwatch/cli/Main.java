package dev.trollwatch.cli;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.model.WekaEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: builds the command line, runs it, and turns every failure into a message and an exit code. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs trollwatch with these arguments and returns the exit code (tests call this in-process). */
    public static int run(String... args) {
        WekaEnvironment.configure();
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        LoggingOptions.reset();
        CommandLine cl = new CommandLine(new TrollwatchCommand());
        cl.setExitCodeExceptionMapper(t -> t instanceof UsageException || t instanceof CommandLine.ParameterException
                ? ExitCode.USAGE : ExitCode.FAILURE);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** One line on stderr for every failure; a stack trace only with --verbose and only for internal errors. */
    private static final class FailureHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parse) {
            PrintWriter err = cmd.getErr();
            if (ex instanceof UsageException) {
                err.println("trollwatch: " + ex.getMessage());
                err.println("Try 'trollwatch " + cmd.getCommandName() + " --help' for more information.");
                err.flush();
                return ExitCode.USAGE;
            }
            String message = userMessage(ex);
            if (message != null) {
                err.println("trollwatch: error: " + message);
            } else {
                err.println("trollwatch: internal error: " + ex);
                if (LoggingOptions.isVerbose()) {
                    ex.printStackTrace(err);
                } else {
                    err.println("(run with --verbose for the stack trace)");
                }
            }
            LOG.debug("failure", ex);
            err.flush();
            return ExitCode.FAILURE;
        }

        /** The message to show for an expected failure, or null for an internal error. */
        private static String userMessage(Throwable ex) {
            if (ex instanceof TrollwatchException) {
                return ex.getMessage();
            }
            if (ex instanceof UncheckedIOException && ex.getCause() != null) {
                return userMessage(ex.getCause());
            }
            if (ex instanceof NoSuchFileException) {
                return "no such file: " + ex.getMessage();
            }
            if (ex instanceof AccessDeniedException) {
                return "permission denied: " + ex.getMessage();
            }
            if (ex instanceof FileAlreadyExistsException) {
                return "file already exists: " + ex.getMessage();
            }
            if (ex instanceof IOException) {
                return "I/O error: " + ex.getMessage();
            }
            if (ex instanceof OutOfMemoryError) {
                return "out of memory; give the JVM more heap (JAVA_OPTS=-Xmx4g) or use fewer rows";
            }
            return null;
        }
    }
}
