package dev.trollwatch.spark;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.model.WekaEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code spark-submit --class dev.trollwatch.spark.SparkMain trollwatch-spark.jar <job> …}: the Spark
 * jobs' command line. Exit codes as the CLI's: 0 success, 1 bad data / I/O / unusable model,
 * 2 usage error, 4 internal error. Failures inside Spark tasks arrive wrapped in Spark's exceptions;
 * the trollwatch failure inside is what the user sees (file, line and field included).
 */
@Command(name = "trollwatch-spark", mixinStandardHelpOptions = true, versionProvider = SparkVersionProvider.class,
        description = "trollwatch's features, predictions and training as Apache Spark jobs (docs/scale.md).",
        subcommands = {SparkFeaturesCommand.class, SparkPredictCommand.class, SparkTrainCommand.class})
public final class SparkMain {
    @picocli.CommandLine.Mixin
    JobLog logging;

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 4;
    static final String OUT_OF_MEMORY = "out of memory: give Spark more (spark-submit --driver-memory and"
            + " --executor-memory; scripts/trollwatch-spark: JAVA_OPTS=-Xmx8g), or lower train's --j48-max-rows,"
            + " whose sample the driver holds";

    public static void main(String[] args) {
        int code = run(args);
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        System.exit(code);
    }

    /** Runs a job and returns its exit code; an active SparkSession (tests) is reused and left running. */
    public static int run(String... args) {
        WekaEnvironment.configure();
        JobLog.reset();
        CommandLine cl = new CommandLine(new SparkMain());
        cl.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? USAGE : FAILURE);
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> report(ex, cmd.getErr()));
        cl.setParameterExceptionHandler(SparkMain::reportParseError);
        // Every text option is a path, a master URL or a spec: an empty one (an unset shell variable)
        // reached Hadoop as "Can not create a Path from an empty string", exit 4.
        cl.registerConverter(String.class, text -> {
            if (text.isEmpty()) {
                throw new CommandLine.TypeConversionException("an empty value");
            }
            return text;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) { // picocli hands only Exceptions to the handler
            cl.getErr().println("trollwatch-spark: error: " + OUT_OF_MEMORY);
            cl.getErr().flush();
            return FAILURE;
        }
        // System.out drops a failed write: train's summary on a full disk or a closed pipe was lost
        // with exit 0. (checkError flushes first.)
        if (code == OK && System.out.checkError()) {
            cl.getErr().println("trollwatch-spark: error: I/O error: standard output could not be written"
                    + " (a full disk or a closed pipe)");
            cl.getErr().flush();
            return FAILURE;
        }
        return code;
    }

    /** One {@code trollwatch-spark:} line (and picocli's suggestion), not the message above the whole usage. */
    private static int reportParseError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("trollwatch-spark: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    private static int report(Exception ex, PrintWriter err) {
        String message = userMessage(ex);
        if (message != null) {
            err.println("trollwatch-spark: error: " + message);
            if (JobLog.verbose()) {
                printCauses(ex, err);
            }
            err.flush();
            return FAILURE;
        }
        err.println("trollwatch-spark: internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return INTERNAL;
    }

    /**
     * With -v, what lies under a user's failure (Spark's, Hadoop's or the OS's words), one line per
     * cause: the first line of each, as a Spark job failure's message goes on with the task's trace.
     */
    private static void printCauses(Throwable failure, PrintWriter err) {
        int depth = 0;
        for (Throwable c = failure.getCause(); c != null && c != c.getCause() && depth < 20; c = c.getCause(), depth++) {
            err.println("trollwatch-spark: caused by: " + c.toString().lines().findFirst().orElse(""));
        }
    }

    /** The message for an expected failure anywhere in the cause chain, or null for an internal error. */
    static String userMessage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof TrollwatchException) {
                return t.getMessage();
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            // A task's OOM reaches the driver as a SparkException, at times only named in its message.
            if (t instanceof OutOfMemoryError || String.valueOf(t.getMessage()).contains("java.lang.OutOfMemoryError")) {
                return OUT_OF_MEMORY;
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException && t.getCause() != null) {
                return "I/O error: " + t.getMessage();
            }
            if (t instanceof java.io.FileNotFoundException || t instanceof java.nio.file.NoSuchFileException) {
                return "no such file: " + t.getMessage();
            }
            if (t instanceof IOException) {
                return "I/O error: " + t.getMessage();
            }
            if (t instanceof AnalysisException a) {
                return a.getMessage();
            }
        }
        return null;
    }
}
