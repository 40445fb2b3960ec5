package dev.trollwatch.cli;

import dev.trollwatch.pipeline.LabelledInput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What {@code train} and {@code evaluate} share: how labelled input is read and prepared, and what is measured. */
public final class EvaluationOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Mixin
    DumpReadingOptions dumpReading;

    @Option(names = "--no-relabel-bots", description = "Keep labels as they are (no relabelling of known bots' rows).")
    boolean noRelabelBots;

    @Option(names = "--permutation-importance", description = "Also compute permutation importance on the evaluated rows (seeded).")
    boolean permutationImportance;

    /**
     * Each repeat scores every evaluated row once per feature, silently: a million repeats on the
     * 2,400 rows of the sample were still running after two minutes. A thousand is far past the
     * point where the mean drop stops moving.
     */
    static final int MAX_PERMUTATION_REPEATS = 1000;

    static final int DEFAULT_PERMUTATION_REPEATS = 5;

    @Option(names = "--permutation-repeats", paramLabel = "K", defaultValue = "" + DEFAULT_PERMUTATION_REPEATS,
            description = "Shuffles per feature for permutation importance, 1.." + MAX_PERMUTATION_REPEATS
                    + " (default: ${DEFAULT-VALUE}).")
    int permutationRepeats;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "16",
            description = "Seed of what is random: train's split and folds, and permutation importance's shuffles"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed;

    /** How to read a dump; a usage error for inconsistent options. */
    LabelledInput.DumpOptions reading() {
        return dumpReading.toOptions();
    }

    boolean relabelBots() {
        return !noRelabelBots;
    }

    /** Shuffles per feature for permutation importance, 0 when not asked for; a usage error outside 1..1000. */
    int permutationRepeats() {
        // asked for, not compared with the default: "--permutation-repeats 5" alone is a mistake too
        if (!permutationImportance && mixee.commandLine().getParseResult().hasMatchedOption("--permutation-repeats")) {
            throw new UsageException("--permutation-repeats has no effect without --permutation-importance");
        }
        if (permutationRepeats < 1 || permutationRepeats > MAX_PERMUTATION_REPEATS) {
            throw new UsageException("--permutation-repeats must be 1.." + MAX_PERMUTATION_REPEATS + ", got "
                    + permutationRepeats);
        }
        return permutationImportance ? permutationRepeats : 0;
    }

    long seed() {
        return seed;
    }
}
