package dev.trollwatch.model.explain;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ScoringModel;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link Explanation} of one feature vector. */
public final class Explainer {
    private Explainer() {
    }

    /**
     * Why this vector gets its verdict from this model: walked with the model's own comparison
     * ({@link ScoringModel#goesLeft}), so the path ends in the leaf {@link ScoringModel#score} used.
     */
    public static Explanation explain(ScoringModel model, double[] features) {
        if (features.length != FeatureSchema.SIZE) {
            throw new IllegalArgumentException("expected " + FeatureSchema.SIZE + " features, got " + features.length);
        }
        return explain(model.tree(), features, model::goesLeft);
    }

    /** Walks the tree with {@code rule} (the scorer's comparison) and explains where the vector ends. */
    public static Explanation explain(DecisionTree tree, double[] features, BranchRule rule) {
        List<PathCondition> path = new ArrayList<>(3);
        DecisionTree.Node n = tree.root();
        while (n instanceof DecisionTree.Split s) {
            boolean left = rule.goesLeft(s, features);
            path.add(new PathCondition(s.feature(), features[s.feature()], left, s.threshold()));
            n = left ? s.left() : s.right();
        }
        DecisionTree.Leaf leaf = (DecisionTree.Leaf) n;
        return new Explanation(List.copyOf(path), leafIndex(tree, leaf), leaf.predicted(), leaf.probabilities(),
                new LeafSupport(leaf.rows().clone(), leaf.weights().clone()), TreeShapley.of(tree, features, rule));
    }

    private static int leafIndex(DecisionTree tree, DecisionTree.Leaf leaf) {
        List<DecisionTree.Leaf> leaves = tree.leaves();
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i) == leaf) {
                return i;
            }
        }
        throw new IllegalStateException("the leaf is not in the tree");
    }
}
