package dev.trollwatch.model;

import dev.trollwatch.InvalidParameterException;

/**
 * How to grow the tree.
 *
 * @param maxDepth    deepest split level allowed (a depth-3 tree has at most 8 leaves), at most
 *                    {@link DecisionTree#MAX_DEPTH}; 0 = as deep as J48 grows it, up to that
 * @param minLeafRows every leaf keeps at least this many training rows (not weights); 0 = only J48's own rule
 * @param confidence  C4.5 pruning confidence (J48 -C), in [1e-6, 0.5]; ignored when {@code unpruned}
 * @param unpruned    skip C4.5's error-based pruning (collapsing still happens, as in J48 -U)
 * @param weights     instance weight per class
 */
public record LearnerParams(int maxDepth, int minLeafRows, double confidence, boolean unpruned, ClassWeights weights) {
    /** J48's -M: its own minimum (summed weight) per branch; kept at Weka's default. */
    public static final int J48_MIN_NUM_OBJ = 2;

    public static final int DEFAULT_MAX_DEPTH = 3;
    public static final int DEFAULT_MIN_LEAF_ROWS = 100;
    public static final double DEFAULT_CONFIDENCE = 0.25;
    /** Weka's C4.5 error estimate is defined up to this confidence. */
    public static final double MAX_CONFIDENCE = 0.5;
    /**
     * Below about 2e-8 Weka's inverse normal fails inside J48 (an internal error, exit 4, was what
     * {@code --confidence 1e-8} gave); 1e-6 keeps a margin and already prunes almost everything.
     */
    public static final double MIN_CONFIDENCE = 1e-6;

    /** The article's settings: depth 3, 100 rows per leaf, C=0.25, weights 1/2.5/5. */
    public static final LearnerParams DEFAULT = new LearnerParams(DEFAULT_MAX_DEPTH, DEFAULT_MIN_LEAF_ROWS,
            DEFAULT_CONFIDENCE, false, ClassWeights.DEFAULT);

    /** @throws InvalidParameterException naming {@code max_depth}, {@code min_leaf_rows} or {@code confidence} */
    public LearnerParams {
        weights = weights.smallestOne(); // only ratios matter (see ClassWeights.smallestOne)
        if (maxDepth < 0 || maxDepth > DecisionTree.MAX_DEPTH) {
            throw new InvalidParameterException("max_depth", "must be 0.." + DecisionTree.MAX_DEPTH
                    + " (0 = unlimited, up to " + DecisionTree.MAX_DEPTH + "), got " + maxDepth);
        }
        if (minLeafRows < 0) {
            throw new InvalidParameterException("min_leaf_rows", "must be >= 0, got " + minLeafRows);
        }
        if (!(confidence >= MIN_CONFIDENCE && confidence <= MAX_CONFIDENCE)) {
            // above it J48 prints a warning to stderr for every node it considers pruning (336 lines on
            // the sample) and does not prune
            throw new InvalidParameterException("confidence", "must be in [1e-6, " + MAX_CONFIDENCE
                    + "] (C4.5's pruning confidence; --unpruned turns pruning off), got " + confidence);
        }
    }
}
