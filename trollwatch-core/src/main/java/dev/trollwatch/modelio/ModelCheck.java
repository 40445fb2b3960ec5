package dev.trollwatch.modelio;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What every loaded model must pass, whatever its file format and whichever command loads it: it
 * was trained on the features this trollwatch computes (featurizer version and feature list), and
 * its tree is one this scorer can walk — every split on a known feature with a finite threshold and
 * two children, every leaf one finite, non-negative weight and row count per known class.
 * (Cycles and shared nodes are refused earlier, where node numbers are resolved; a tree of records
 * cannot have them.) Errors name the file and the node, in pre-order from the root (node 0).
 */
final class ModelCheck {
    private static final int CLASSES = Label.values().length;

    private ModelCheck() {
    }

    /** Throws {@link MalformedModelException} naming {@code file} when the model cannot be used. */
    static void verify(DecisionTree tree, ModelInfo info, String file) {
        compatible(info, file);
        validTree(tree, file);
    }

    /** The model's features are the ones this featurizer computes, in the same order. */
    static void compatible(ModelInfo info, String file) {
        if (info.featurizerVersion() != FeatureSchema.FEATURIZER_VERSION) {
            throw new MalformedModelException(file + ": field featurizer_version: the model was trained with featurizer"
                    + " version " + info.featurizerVersion() + ", this trollwatch computes version "
                    + FeatureSchema.FEATURIZER_VERSION + "; its features would differ, retrain the model");
        }
        if (!FeatureSchema.NAMES.equals(info.featureNames())) {
            throw new MalformedModelException(file + ": field features: the model's features " + info.featureNames()
                    + " are not this featurizer's " + FeatureSchema.NAMES + " (same names, same order)");
        }
    }

    static void validTree(DecisionTree tree, String file) {
        if (tree == null || tree.root() == null) {
            throw new MalformedModelException(file + ": the model has no tree");
        }
        Deque<DecisionTree.Node> pending = new ArrayDeque<>();
        pending.push(tree.root());
        int id = 0;
        for (; !pending.isEmpty(); id++) {
            DecisionTree.Node n = pending.pop();
            String where = file + ": tree node " + id + ": ";
            if (n instanceof DecisionTree.Split s) {
                if (s.feature() < 0 || s.feature() >= FeatureSchema.SIZE) {
                    throw new MalformedModelException(where + "feature index " + s.feature() + " is not 0.."
                            + (FeatureSchema.SIZE - 1));
                }
                if (!Double.isFinite(s.threshold())) {
                    throw new MalformedModelException(where + "threshold " + s.threshold() + " is not a finite number");
                }
                if (s.left() == null || s.right() == null) {
                    throw new MalformedModelException(where + "a split needs two children");
                }
                pending.push(s.right());
                pending.push(s.left());
            } else {
                leaf((DecisionTree.Leaf) n, where);
            }
        }
    }

    private static void leaf(DecisionTree.Leaf leaf, String where) {
        if (leaf.weights() == null || leaf.weights().length != CLASSES || leaf.rows() == null
                || leaf.rows().length != CLASSES) {
            throw new MalformedModelException(where + "a leaf needs one weight and one row count for each of the "
                    + CLASSES + " classes");
        }
        for (Label l : Label.values()) {
            double w = leaf.weights()[l.ordinal()];
            if (!Double.isFinite(w) || w < 0) {
                throw new MalformedModelException(where + "weight of class " + l.text() + " is " + w
                        + ", expected a finite number >= 0");
            }
            if (leaf.rows()[l.ordinal()] < 0) {
                throw new MalformedModelException(where + "row count of class " + l.text() + " is "
                        + leaf.rows()[l.ordinal()] + ", expected >= 0");
            }
        }
    }
}
