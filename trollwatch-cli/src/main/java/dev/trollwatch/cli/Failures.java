package dev.trollwatch.cli;

import dev.trollwatch.InvalidParameterException;
import dev.trollwatch.TrollwatchException;
import dev.trollwatch.io.dump.TooManyBadRowsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any failure of a command into one line on stderr and an exit code: 2 for a bad option
 * value or combination (core {@link InvalidParameterException}s are told with the option's name), 1 for what the user can fix (bad data, I/O, an unusable model, too little heap), 4
 * for a bug (any other exception or error, StackOverflowError included). A stack trace is shown only
 * for a bug and only with {@code --verbose}.
 */
final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    /** The option that sets each parameter the core names in an {@link InvalidParameterException}. */
    private static final Map<String, String> OPTIONS = Map.of(
            "rows", "--rows",
            "bot_fraction", "--bot-fraction",
            "troll_fraction", "--troll-fraction",
            "max_depth", "--max-depth",
            "min_leaf_rows", "--min-leaf",
            "confidence", "--confidence");
    // Built before any failure: when the heap is exhausted, building them then might fail too.
    private static final String OUT_OF_MEMORY = "trollwatch: error: out of memory; give the JVM more heap"
            + " (JAVA_OPTS=-Xmx4g scripts/trollwatch ..., or java -Xmx4g -jar ...)";
    private static final String OUT_OF_MEMORY_WITH_ROWS = OUT_OF_MEMORY + " or use fewer rows";
    /** The commands that hold their rows in memory; the others stream, and fewer rows would not help them. */
    private static final Set<String> ROW_COMMANDS = Set.of("train", "evaluate");

    /** How java.io's FileNotFoundException ends its message for a missing file and an unreadable one. */
    private static final String FILE_NOT_FOUND = " (No such file or directory)";
    private static final String PERMISSION_DENIED = " (Permission denied)";

    /** A cause chain is short in practice; the cap only guards against a cyclic one. */
    private static final int MAX_CAUSES = 20;

    private Failures() {
    }

    /** Prints the failure on {@code err} and returns the exit code. */
    static int report(Throwable failure, PrintWriter err, String commandName) {
        try {
            return print(failure, err, commandName);
        } finally {
            err.flush();
        }
    }

    private static int print(Throwable failure, PrintWriter err, String commandName) {
        if (failure instanceof UsageException || failure instanceof InvalidParameterException) {
            String message = failure instanceof InvalidParameterException p ? withOptionNames(p) : failure.getMessage();
            err.println("trollwatch: " + message);
            err.println("Try 'trollwatch " + commandName + " --help' for more information.");
            return ExitCode.USAGE;
        }
        if (causedBy(failure, OutOfMemoryError.class)) {
            err.println(ROW_COMMANDS.contains(commandName) ? OUT_OF_MEMORY_WITH_ROWS : OUT_OF_MEMORY);
            return ExitCode.FAILURE;
        }
        String message = userMessage(failure);
        if (message != null) {
            err.println("trollwatch: error: " + message);
            logCauses(failure);
            return ExitCode.FAILURE;
        }
        String what = causedBy(failure, StackOverflowError.class) ? "stack overflow" : failure.toString();
        if (LoggingOptions.isVerbose()) {
            err.println("trollwatch: internal error (a bug, please report it): " + what);
            failure.printStackTrace(err);
        } else {
            err.println("trollwatch: internal error (a bug, please report it): " + what
                    + " (--verbose shows the stack trace)");
        }
        return ExitCode.INTERNAL;
    }

    /**
     * With {@code --verbose}, what lies under a user's failure (a driver's or the OS's words), one line
     * per cause: a stack trace would tell a user nothing they can act on.
     */
    private static void logCauses(Throwable failure) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        int depth = 0;
        for (Throwable c = failure.getCause(); c != null && depth < MAX_CAUSES; c = c.getCause(), depth++) {
            LOG.debug("caused by: {}", c.toString());
        }
    }

    /** A core parameter problem in the words of the command line: {@code --max-depth must be >= 0, got -1}. */
    static String withOptionNames(InvalidParameterException p) {
        List<String> options = new ArrayList<>();
        for (String parameter : p.parameters()) {
            options.add(OPTIONS.getOrDefault(parameter, parameter));
        }
        return String.join(" + ", options) + " " + p.problem();
    }

    /** The message to show for a failure the user can act on, or null for a bug. */
    private static String userMessage(Throwable ex) {
        if (ex instanceof TooManyBadRowsException t) {
            return t.file() + ": more than " + t.limit() + " malformed rows (--max-errors " + t.limit() + "); the last: "
                    + t.last().getMessage();
        }
        if (ex instanceof TrollwatchException) {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException && ex.getCause() != null) {
            return userMessage(ex.getCause());
        }
        if (ex instanceof NoSuchFileException) {
            return "no such file: " + ex.getMessage();
        }
        if (ex instanceof java.io.FileNotFoundException f && f.getMessage() != null) {
            // java.io says "PATH (No such file or directory)"; java.nio's NoSuchFileException, above, just "PATH"
            String m = f.getMessage();
            if (m.endsWith(FILE_NOT_FOUND)) {
                return "no such file: " + m.substring(0, m.length() - FILE_NOT_FOUND.length());
            }
            if (m.endsWith(PERMISSION_DENIED)) {
                return "permission denied: " + m.substring(0, m.length() - PERMISSION_DENIED.length());
            }
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
        return null;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
