package dev.trollwatch.cli;

import dev.trollwatch.model.ClassWeights;
import dev.trollwatch.model.LearnerParams;
import picocli.CommandLine.Option;

/** The tree's options for {@code train}. */
public final class LearnerOptions {
    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "3",
            description = "Maximum tree depth; 0 = unlimited (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--min-leaf", paramLabel = "ROWS", defaultValue = "100",
            description = "Every leaf keeps at least this many training rows (rows, not weights); 0 = J48's own rule only (default: ${DEFAULT-VALUE}).")
    int minLeaf;

    @Option(names = "--class-weights", paramLabel = "SPEC", defaultValue = "normal=1,bot=2.5,troll=5",
            description = "Instance weight per class when training (default: ${DEFAULT-VALUE}).")
    String classWeights;

    @Option(names = "--confidence", paramLabel = "C",
            description = "C4.5 pruning confidence, in (0, 1); smaller prunes more (default: 0.25).")
    Double confidence;

    @Option(names = "--unpruned", description = "Do not prune the tree (C4.5 error-based pruning is on by default).")
    boolean unpruned;

    /** The parameters, or a UsageException naming the bad option. */
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
        double c = confidence == null ? 0.25 : confidence;
        if (maxDepth < 0) {
            throw new UsageException("--max-depth must be >= 0 (0 = unlimited), got " + maxDepth);
        }
        if (minLeaf < 0) {
            throw new UsageException("--min-leaf must be >= 0, got " + minLeaf);
        }
        if (!(c > 0 && c < 1)) {
            throw new UsageException("--confidence must be in (0, 1), got " + c);
        }
        return new LearnerParams(maxDepth, minLeaf, c, unpruned, weights);
    }
}
