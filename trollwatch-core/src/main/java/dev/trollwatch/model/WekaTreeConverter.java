package dev.trollwatch.model;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import weka.classifiers.trees.j48.C45Split;
import weka.classifiers.trees.j48.ClassifierSplitModel;
import weka.classifiers.trees.j48.ClassifierTree;
import weka.classifiers.trees.j48.Distribution;

/**
 * Converts a trained J48 tree into the portable {@link DecisionTree}. A leaf's {@code weights} are
 * its training distribution in Weka (summed instance weights per class, {@link Label} order); its
 * {@code rows} are counted here by sending the unweighted training rows down the converted tree.
 * An empty leaf (no training weight) takes its parent's distribution, which is what J48 predicts there.
 */
public final class WekaTreeConverter {
    private WekaTreeConverter() {
    }

    /** The tree with leaf row counts from {@code trainingRows} (all zero when the list is empty). */
    public static DecisionTree convert(ClassifierTree root, List<FeatureRow> trainingRows) {
        DecisionTree weighted = new DecisionTree(node(root, null));
        return withRowCounts(weighted, trainingRows);
    }

    private static DecisionTree.Node node(ClassifierTree t, Distribution parent) {
        ClassifierSplitModel model = t.getLocalModel();
        Distribution dist = model.distribution();
        if (t.isLeaf()) {
            Distribution source = dist.total() > 0 || parent == null ? dist : parent;
            double[] w = new double[Label.values().length];
            for (int c = 0; c < w.length; c++) {
                w[c] = source.perClass(c);
            }
            return new DecisionTree.Leaf(w, new long[w.length]);
        }
        ClassifierTree[] sons = t.getSons();
        if (sons.length != 2) {
            throw new IllegalStateException("expected a binary split, got " + sons.length + " branches");
        }
        int feature;
        double threshold;
        if (model instanceof NumericSplit s) {
            feature = s.attIndex();
            threshold = s.splitPoint();
        } else if (model instanceof C45Split s) {
            feature = s.attIndex();
            threshold = s.splitPoint();
        } else {
            throw new IllegalStateException("unsupported split model " + model.getClass().getName());
        }
        return new DecisionTree.Split(feature, threshold, node(sons[0], dist), node(sons[1], dist));
    }

    /** The same tree with each leaf's {@code rows} = number of {@code rows} of each class reaching it. */
    private static DecisionTree withRowCounts(DecisionTree tree, List<FeatureRow> rows) {
        Map<DecisionTree.Leaf, long[]> counts = new IdentityHashMap<>();
        for (DecisionTree.Leaf leaf : tree.leaves()) {
            counts.put(leaf, new long[Label.values().length]);
        }
        for (FeatureRow r : rows) {
            if (r.label() != null) {
                counts.get(tree.leafFor(r.values()))[r.label().ordinal()]++;
            }
        }
        return new DecisionTree(replaceRows(tree.root(), counts));
    }

    private static DecisionTree.Node replaceRows(DecisionTree.Node n, Map<DecisionTree.Leaf, long[]> counts) {
        if (n instanceof DecisionTree.Split s) {
            return new DecisionTree.Split(s.feature(), s.threshold(), replaceRows(s.left(), counts), replaceRows(s.right(), counts));
        }
        DecisionTree.Leaf leaf = (DecisionTree.Leaf) n;
        return new DecisionTree.Leaf(leaf.weights().clone(), counts.get(leaf));
    }

    /** The same tree with these row counts, leaf by leaf from left to right. */
    public static DecisionTree withLeafRows(DecisionTree tree, List<long[]> leafRows) {
        List<DecisionTree.Leaf> leaves = tree.leaves();
        if (leaves.size() != leafRows.size()) {
            throw new IllegalArgumentException("tree has " + leaves.size() + " leaves, got row counts for " + leafRows.size());
        }
        Map<DecisionTree.Leaf, long[]> counts = new IdentityHashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            counts.put(leaves.get(i), leafRows.get(i).clone());
        }
        return new DecisionTree(replaceRows(tree.root(), counts));
    }

    /** Row counts of the leaves from left to right. */
    public static List<long[]> leafRows(DecisionTree tree) {
        List<long[]> out = new ArrayList<>();
        for (DecisionTree.Leaf l : tree.leaves()) {
            out.add(l.rows().clone());
        }
        return out;
    }
}
