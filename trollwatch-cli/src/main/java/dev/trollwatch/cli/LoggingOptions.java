package dev.trollwatch.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ScopeType;

/**
 * {@code -v/--verbose} and {@code -q/--quiet}, shared by every command. Logs and progress go to
 * stderr; by default trollwatch logs INFO about its own work and only warnings from libraries.
 */
public final class LoggingOptions {
    private static volatile boolean quiet;
    private static volatile boolean verbose;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Log debug detail (and stack traces of internal errors) to stderr.")
    void setVerbose(boolean v) {
        refuseBoth(v && quiet);
        verbose = v;
        apply();
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Only errors on stderr: no progress, no info logs.")
    void setQuiet(boolean q) {
        refuseBoth(q && verbose);
        quiet = q;
        apply();
    }

    /** -q -v was taken silently, the last one winning. */
    private void refuseBoth(boolean both) {
        if (both) {
            throw new ParameterException(mixee.commandLine(), "-q/--quiet and -v/--verbose are opposites: use one");
        }
    }

    /** Back to the defaults; every run starts here, so one in-process run's -q/-v never leaks into the next. */
    static void reset() {
        quiet = false;
        verbose = false;
        apply();
    }

    public static boolean isQuiet() {
        return quiet;
    }

    public static boolean isVerbose() {
        return verbose;
    }

    private static void apply() {
        Logger ours = (Logger) LoggerFactory.getLogger("dev.trollwatch");
        ours.setLevel(quiet ? Level.ERROR : verbose ? Level.DEBUG : Level.INFO);
    }
}
