package dev.trollwatch.spark.job;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.ConfusionMatrix;
import dev.trollwatch.model.DecisionTree;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Labelled rows per leaf and class of a tree, counted on the executors: the leaves' training row
 * counts, and (each leaf predicting its class) the confusion matrix on test rows.
 */
public record LeafCounts(DecisionTree tree, long[][] counts) {
    private static final int K = Label.values().length;

    /** Counts {@code labelled} (features-table rows with a target) in the leaves of {@code model}'s tree. */
    public static LeafCounts of(Dataset<Row> labelled, ShippedModel model) {
        DecisionTree tree = model.open().tree();
        int leaves = tree.leaves().size();
        long[] flat = labelled.javaRDD().mapPartitions(rows -> {
            DecisionTree t = model.open().tree();
            Map<DecisionTree.Leaf, Integer> index = indexOf(t.leaves());
            long[] c = new long[leaves * K];
            while (rows.hasNext()) {
                FeatureRow r = FeatureTable.toFeatureRow(rows.next());
                c[index.get(t.leafFor(r.values())) * K + r.label().ordinal()]++;
            }
            return List.of(c).iterator();
        }).fold(new long[leaves * K], LeafCounts::sum);
        long[][] counts = new long[leaves][K];
        for (int i = 0; i < leaves; i++) {
            System.arraycopy(flat, i * K, counts[i], 0, K);
        }
        return new LeafCounts(tree, counts);
    }

    /** The same tree with each leaf's row counts replaced by these counts (its weights kept). */
    public DecisionTree withLeafRows() {
        Map<DecisionTree.Leaf, Integer> index = indexOf(tree.leaves());
        return new DecisionTree(replaceRows(tree.root(), index));
    }

    /** Truth × predicted over the counted rows, each leaf predicting its class. */
    public ConfusionMatrix confusion() {
        long[][] m = new long[K][K];
        List<DecisionTree.Leaf> leaves = tree.leaves();
        for (int i = 0; i < leaves.size(); i++) {
            int predicted = leaves.get(i).predicted().ordinal();
            for (int truth = 0; truth < K; truth++) {
                m[truth][predicted] += counts[i][truth];
            }
        }
        return new ConfusionMatrix(m);
    }

    private DecisionTree.Node replaceRows(DecisionTree.Node n, Map<DecisionTree.Leaf, Integer> index) {
        if (n instanceof DecisionTree.Split s) {
            return new DecisionTree.Split(s.feature(), s.threshold(), replaceRows(s.left(), index),
                    replaceRows(s.right(), index));
        }
        DecisionTree.Leaf leaf = (DecisionTree.Leaf) n;
        return new DecisionTree.Leaf(leaf.weights(), counts[index.get(leaf)].clone());
    }

    private static Map<DecisionTree.Leaf, Integer> indexOf(List<DecisionTree.Leaf> leaves) {
        Map<DecisionTree.Leaf, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            index.put(leaves.get(i), i);
        }
        return index;
    }

    private static long[] sum(long[] a, long[] b) {
        long[] s = a.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += b[i];
        }
        return s;
    }
}
