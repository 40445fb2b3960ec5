package dev.trollwatch.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ScopeType;

/**
 * {@code -q/--quiet} and {@code -v/--verbose} for every job, as the CLI has them, and the jobs'
 * own lines on stderr (progress, summaries, warnings), which {@code -q} silences: a CI job that
 * asks for quiet gets only its errors.
 */
public final class JobLog {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private static volatile boolean quiet;
    private static volatile boolean verbose;
    /** The root logger's level before -q raised it, or null. */
    private static Level rootBefore;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Only errors on stderr: no progress, no summary, no warnings.")
    void setQuiet(boolean q) {
        refuseBoth(q && verbose);
        quiet = q;
        apply();
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "trollwatch's debug log, and under a failure's message what lay under it, one line per cause.")
    void setVerbose(boolean v) {
        refuseBoth(v && quiet);
        verbose = v;
        apply();
    }

    /** As in the CLI: the two ask for opposite things, and the last one given used to win. */
    private void refuseBoth(boolean both) {
        if (both) {
            throw new ParameterException(spec.commandLine(), "-q/--quiet and -v/--verbose are opposites: give one of them");
        }
    }

    /** Back to the defaults: an in-process run's -q or -v must not leak into the next. */
    static synchronized void reset() {
        quiet = false;
        verbose = false;
        apply();
    }

    static boolean verbose() {
        return verbose && !quiet;
    }

    /** A job's line (progress, summary, warning) on stderr, unless quiet. */
    static void line(String text) {
        if (!quiet) {
            System.err.println(text);
        }
    }

    private static void apply() {
        Configurator.setLevel("dev.trollwatch", quiet ? Level.ERROR : verbose ? Level.DEBUG : Level.INFO);
        // Spark's own warnings too under -q; the level it had is put back afterwards (spark-submit's config).
        if (quiet && rootBefore == null) {
            rootBefore = LogManager.getRootLogger().getLevel();
            Configurator.setRootLevel(Level.ERROR);
        } else if (!quiet && rootBefore != null) {
            Configurator.setRootLevel(rootBefore);
            rootBefore = null;
        }
    }
}
