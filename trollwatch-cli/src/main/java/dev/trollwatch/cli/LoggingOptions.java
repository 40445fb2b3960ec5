package dev.trollwatch.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code -v/--verbose} and {@code -q/--quiet}, shared by every command. Logs and progress go to
 * stderr; by default trollwatch logs INFO about its own work and only warnings from libraries.
 */
public final class LoggingOptions {
    private static volatile boolean quiet;
    private static volatile boolean verbose;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Log debug detail (and stack traces of internal errors) to stderr.")
    void setVerbose(boolean v) {
        verbose = v;
        apply();
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Only errors on stderr: no progress, no info logs.")
    void setQuiet(boolean q) {
        quiet = q;
        apply();
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
