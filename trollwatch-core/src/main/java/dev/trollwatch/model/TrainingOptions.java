package dev.trollwatch.model;

/**
 * Everything {@link TrainingRun} needs besides the data.
 *
 * @param learner             tree parameters
 * @param split               how to hold out evaluation rows
 * @param seed                seed for splits and permutations
 * @param relabelBots         whether known bots' rows were relabelled (recorded in params)
 * @param permutationRepeats  repeats of permutation importance; 0 = skip it
 */
public record TrainingOptions(LearnerParams learner, SplitPlan split, long seed, boolean relabelBots, int permutationRepeats) {
}
