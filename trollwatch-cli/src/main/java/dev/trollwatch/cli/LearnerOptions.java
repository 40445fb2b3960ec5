package dev.trollwatch.cli;

import dev.trollwatch.model.ClassWeights;
import dev.trollwatch.model.LearnerParams;
import picocli.CommandLine.Option;

/** The tree's options for {@code train}. */
public final class LearnerOptions {
    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "" + LearnerParams.DEFAULT_MAX_DEPTH,
            description = "Maximum tree depth, 0..64; 0 = unlimited (up to 64, the deepest a model file holds; default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--min-leaf", paramLabel = "ROWS", defaultValue = "" + LearnerParams.DEFAULT_MIN_LEAF_ROWS,
            description = "Every leaf keeps at least this many training rows (rows, not weights); 0 = J48's own rule only (default: ${DEFAULT-VALUE}).")
    int minLeaf;

    @Option(names = "--class-weights", paramLabel = "SPEC", defaultValue = ClassWeights.DEFAULT_SPEC,
            description = "Instance weight per class when training (default: ${DEFAULT-VALUE}).")
    String classWeights;

    @Option(names = "--confidence", paramLabel = "C",
            description = "C4.5 pruning confidence, in [1e-6, 0.5]; smaller prunes more (default: "
                    + LearnerParams.DEFAULT_CONFIDENCE + ").")
    Double confidence;

    @Option(names = "--unpruned", description = "Do not prune the tree (C4.5 error-based pruning is on by default).")
    boolean unpruned;

    /** The parameters; out-of-range values fail in {@link LearnerParams}, reported with these options' names. */
    LearnerParams toParams() {
        if (unpruned && confidence != null) {
            throw new UsageException("--confidence has no effect with --unpruned; use one of them");
        }
        ClassWeights weights;
        try {
            weights = ClassWeights.parse(classWeights);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --class-weights '" + classWeights + "': " + e.getMessage());
        }
        return new LearnerParams(maxDepth, minLeaf, confidence == null ? LearnerParams.DEFAULT_CONFIDENCE : confidence,
                unpruned, weights);
    }
}
