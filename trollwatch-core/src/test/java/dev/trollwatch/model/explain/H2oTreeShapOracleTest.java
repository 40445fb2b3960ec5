package dev.trollwatch.model.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.h2o.algos.tree.INode;
import ai.h2o.algos.tree.INodeStat;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.modelio.TrainedFixtures;
import hex.genmodel.algos.tree.TreeSHAP;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An independent oracle: H2O's TreeSHAP (h2o-genmodel, test scope only), the reference
 * path-dependent algorithm, run on the same tree with the same covers, gives the same
 * contributions and base value as {@link TreeShapley} for every class of every row of a
 * generated dump — to H2O's float precision (1e-5).
 */
class H2oTreeShapOracleTest {
    private static final double FLOAT_PRECISION = 1e-5;

    @Test
    void h2oTreeShapAgreesOnEveryRowAndClass() {
        List<FeatureRow> rows = TrainedFixtures.features(TrainedFixtures.comments(1500, 2024));
        DecisionTree tree = TrainedFixtures.train(rows, "b".repeat(64)).tree();
        for (Label l : Label.values()) {
            List<Node> nodes = new ArrayList<>();
            flatten(tree.root(), l, nodes);
            TreeSHAP<double[], Node, Node> shap = new TreeSHAP<>(nodes.toArray(Node[]::new), nodes.toArray(Node[]::new), 0);
            for (FeatureRow row : rows) {
                float[] out = shap.calculateContributions(row.values(), new float[FeatureSchema.SIZE + 1]);
                ShapleyValues ours = TreeShapley.of(tree, row.values(), BranchRule.TREE);
                for (int f = 0; f < FeatureSchema.SIZE; f++) {
                    assertEquals(out[f], ours.of(l)[f], FLOAT_PRECISION, row.author() + " " + l + " " + FeatureSchema.NAMES.get(f));
                }
                assertEquals(out[FeatureSchema.SIZE], ours.base(l), FLOAT_PRECISION, "base value of " + l);
            }
        }
    }

    /** Pre-order numbering (root 0), as H2O's node arrays are indexed. */
    private static int flatten(DecisionTree.Node n, Label l, List<Node> out) {
        int id = out.size();
        out.add(null);
        if (n instanceof DecisionTree.Split s) {
            int left = flatten(s.left(), l, out);
            int right = flatten(s.right(), l, out);
            out.set(id, new Node(s, left, right, 0, TreeShapley.cover(n)));
        } else {
            DecisionTree.Leaf leaf = (DecisionTree.Leaf) n;
            out.set(id, new Node(null, -1, -1, (float) leaf.probabilities()[l.ordinal()], TreeShapley.cover(n)));
        }
        return id;
    }

    /** One node in H2O's tree API: the split (null for a leaf), children, leaf value, cover. */
    private record Node(DecisionTree.Split split, int left, int right, float value, double cover)
            implements INode<double[]>, INodeStat {
        @Override
        public boolean isLeaf() {
            return split == null;
        }

        @Override
        public float getLeafValue() {
            return value;
        }

        @Override
        public int getSplitIndex() {
            return split == null ? -1 : split.feature();
        }

        @Override
        public int next(double[] x) {
            return BranchRule.TREE.goesLeft(split, x) ? left : right;
        }

        @Override
        public int getLeftChildIndex() {
            return left;
        }

        @Override
        public int getRightChildIndex() {
            return right;
        }

        @Override
        public float getWeight() {
            return (float) cover;
        }
    }
}
