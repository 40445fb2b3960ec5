package dev.trollwatch.model;

import java.util.Arrays;
import weka.classifiers.trees.j48.ClassifierSplitModel;
import weka.classifiers.trees.j48.Distribution;
import weka.classifiers.trees.j48.ModelSelection;
import weka.classifiers.trees.j48.NoSplit;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Chooses a node's split as C4.5 does, among {@link RowAwareNumericSplit}s, so that no branch gets
 * fewer than {@code minRows} training rows:
 * <ol>
 *   <li>a leaf when the node holds under {@code 2·minNumObj} weight, under {@code 2·minRows} rows,
 *       or a single class;</li>
 *   <li>the best threshold of every attribute; the attributes with a usable one set the average
 *       (MDL-corrected) information gain;</li>
 *   <li>among the attributes whose gain is at least that average (less 1e-3, as J48), the highest
 *       gain ratio wins (the first attribute on ties);</li>
 *   <li>its threshold is snapped down to the largest value of that attribute in the whole training
 *       set not above the midpoint, so thresholds are values seen in the data.</li>
 * </ol>
 * All attributes but the class must be numeric (trollwatch's features are).
 */
public final class RowAwareModelSelection extends ModelSelection {
    private static final long serialVersionUID = 1L;

    private final int minNumObj;
    private final int minRows;
    /** Per attribute, the sorted distinct training values (for snapping); dropped by {@link #cleanup()}. */
    private transient double[][] trainingValues;

    /**
     * @param minNumObj J48's -M
     * @param minRows   minimum training rows in each branch (≥ 1)
     * @param allData   the whole training set (for snapping thresholds to data values)
     */
    public RowAwareModelSelection(int minNumObj, int minRows, Instances allData) {
        this.minNumObj = minNumObj;
        this.minRows = minRows;
        this.trainingValues = new double[allData.numAttributes()][];
        for (int a = 0; a < allData.numAttributes(); a++) {
            if (a == allData.classIndex()) {
                continue;
            }
            if (!allData.attribute(a).isNumeric()) {
                throw new IllegalArgumentException("attribute " + allData.attribute(a).name() + " is not numeric");
            }
            double[] v = new double[allData.numInstances()];
            int k = 0;
            for (int i = 0; i < allData.numInstances(); i++) {
                Instance inst = allData.instance(i);
                if (!inst.isMissing(a)) {
                    v[k++] = inst.value(a);
                }
            }
            trainingValues[a] = Arrays.stream(v, 0, k).sorted().distinct().toArray();
        }
    }

    @Override
    public ClassifierSplitModel selectModel(Instances data) throws Exception {
        Distribution all = new Distribution(data);
        NoSplit leaf = new NoSplit(all);
        if (Utils.sm(all.total(), 2 * minNumObj)
                || Utils.eq(all.total(), all.perClass(all.maxClass()))
                || data.numInstances() < 2L * minRows) {
            return leaf;
        }
        double nodeWeight = data.sumOfWeights();
        RowAwareNumericSplit[] candidates = new RowAwareNumericSplit[data.numAttributes()];
        double averageGain = 0;
        int usable = 0;
        for (int a = 0; a < data.numAttributes(); a++) {
            if (a == data.classIndex()) {
                continue;
            }
            candidates[a] = new RowAwareNumericSplit(a, minNumObj, minRows, nodeWeight);
            candidates[a].buildClassifier(data);
            if (candidates[a].checkModel()) {
                averageGain += candidates[a].infoGain();
                usable++;
            }
        }
        if (usable == 0) {
            return leaf;
        }
        averageGain /= usable;
        RowAwareNumericSplit best = null;
        double bestRatio = 0;
        for (int a = 0; a < data.numAttributes(); a++) {
            RowAwareNumericSplit c = candidates[a];
            if (c != null && c.checkModel() && c.infoGain() >= averageGain - 1e-3 && Utils.gr(c.gainRatio(), bestRatio)) {
                best = c;
                bestRatio = c.gainRatio();
            }
        }
        if (best == null || Utils.eq(bestRatio, 0)) {
            return leaf;
        }
        best.distribution().addInstWithUnknown(data, best.attIndex());
        if (trainingValues != null) {
            best.setSplitPoint(largestAtMost(trainingValues[best.attIndex()], best.splitPoint()));
        }
        return best;
    }

    /** The largest value in {@code sorted} that is ≤ x (x itself when there is none, which cannot happen for a chosen split). */
    private static double largestAtMost(double[] sorted, double x) {
        int i = Arrays.binarySearch(sorted, x);
        if (i >= 0) {
            return sorted[i];
        }
        int insertion = -i - 1;
        return insertion == 0 ? x : sorted[insertion - 1];
    }

    @Override
    public String getRevision() {
        return "trollwatch";
    }

    /** Drops the training values once the tree is built (they must not end up in the model file). */
    public void cleanup() {
        trainingValues = null;
    }
}
