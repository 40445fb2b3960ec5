package dev.trollwatch.spark.job;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import org.apache.spark.ml.classification.DecisionTreeClassificationModel;
import org.apache.spark.ml.classification.DecisionTreeClassifier;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.tree.ContinuousSplit;
import org.apache.spark.ml.tree.InternalNode;
import org.apache.spark.ml.tree.LeafNode;
import org.apache.spark.ml.tree.Node;
import org.apache.spark.ml.tree.Split;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Spark MLlib's {@link DecisionTreeClassifier} on the features table, and its tree read out node by
 * node into trollwatch's portable {@link DecisionTree}. Class indices are {@link Label} ordinals
 * (bot 0, normal 1, troll 2), so MLlib's per-class statistics are already in the model files' order.
 * A split is {@code value <= threshold → left} in both. A leaf's weights are MLlib's impurity
 * statistics (summed instance weights per class, what its prediction and probabilities come from);
 * its row counts are filled in by {@link LeafCounts}.
 */
public final class MllibTree {
    public static final String FEATURES = "_features";
    public static final String LABEL = "_label";
    public static final String WEIGHT = "_weight";

    /** MLlib's settings: the article's depth 3 and 100 rows per leaf; maxBins bounds the thresholds tried. */
    public record Params(int maxDepth, int minInstancesPerNode, int maxBins, long seed) {
    }

    private MllibTree() {
    }

    /** Adds the assembled feature vector column MLlib reads. */
    public static Dataset<Row> withVector(Dataset<Row> table) {
        return new VectorAssembler().setInputCols(FeatureSchema.NAMES.toArray(String[]::new))
                .setOutputCol(FEATURES).transform(table);
    }

    /**
     * Training rows per partition once they are put in their canonical order (see {@link #canonical}):
     * the partition count follows from the row count alone, never from a setting, which the model
     * would then depend on. 32 fixed partitions made training 100,000 rows on 2 cores 30 % slower.
     */
    static final long ROWS_PER_PARTITION = 50_000;
    static final int MAX_PARTITIONS = 4096;

    /** Fits the tree on rows with {@link #LABEL} and {@link #WEIGHT} columns (see {@link #withVector}). */
    public static DecisionTreeClassificationModel fit(Dataset<Row> train, long rows, Params p) {
        return new DecisionTreeClassifier()
                .setFeaturesCol(FEATURES)
                .setLabelCol(LABEL)
                .setWeightCol(WEIGHT)
                .setImpurity("gini")
                .setMaxDepth(p.maxDepth())
                .setMinInstancesPerNode(p.minInstancesPerNode())
                .setMaxBins(p.maxBins())
                .setSeed(p.seed())
                .fit(canonical(train, rows));
    }

    /**
     * The rows in an order fixed by their content alone. Past 10,000 rows MLlib picks its candidate
     * thresholds from a sample, and a seeded sample still depends on how the rows lie in partitions:
     * the same table read as Parquet and as CSV gave two different models. Hash partitioning by the
     * key puts each row in a partition fixed by the row, and sorting on every orderable column fixes
     * the order inside it (rows equal in all of them are interchangeable).
     */
    static Dataset<Row> canonical(Dataset<Row> rows, long count) {
        List<Column> order = new ArrayList<>();
        for (org.apache.spark.sql.types.StructField f : rows.schema().fields()) {
            if (!(f.dataType() instanceof org.apache.spark.ml.linalg.VectorUDT)) {
                order.add(functions.col(f.name()));
            }
        }
        int partitions = (int) Math.max(1, Math.min(MAX_PARTITIONS, (count + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION));
        return rows.repartition(partitions, functions.col(FeatureTable.AUTHOR), functions.col(FeatureTable.LINK_ID),
                        functions.col(FeatureTable.CREATED_UTC))
                .sortWithinPartitions(order.toArray(new Column[0]));
    }

    /** The fitted tree in portable form (leaf row counts zero until {@link LeafCounts} fills them). */
    public static DecisionTree convert(DecisionTreeClassificationModel model) {
        if (model.numFeatures() != FeatureSchema.SIZE || model.numClasses() > Label.values().length) {
            throw new IllegalStateException("MLlib model has " + model.numFeatures() + " features and "
                    + model.numClasses() + " classes; expected " + FeatureSchema.SIZE + " and at most 3");
        }
        return new DecisionTree(convert(model.rootNode()));
    }

    private static DecisionTree.Node convert(Node node) {
        if (node instanceof InternalNode inner) {
            Split split = inner.split();
            if (!(split instanceof ContinuousSplit c)) {
                throw new IllegalStateException("MLlib produced a categorical split; all features are numeric");
            }
            return new DecisionTree.Split(c.featureIndex(), c.threshold(), convert(inner.leftChild()),
                    convert(inner.rightChild()));
        }
        LeafNode leaf = (LeafNode) node;
        double[] stats = leaf.impurityStats().stats();
        double[] weights = new double[Label.values().length];
        System.arraycopy(stats, 0, weights, 0, Math.min(stats.length, weights.length));
        DecisionTree.Leaf converted = new DecisionTree.Leaf(weights, new long[weights.length]);
        if (converted.predicted().ordinal() != (int) leaf.prediction()) {
            throw new IllegalStateException("leaf read-out disagrees with MLlib: it predicts class "
                    + leaf.prediction() + ", its statistics say " + converted.predicted());
        }
        return converted;
    }
}
