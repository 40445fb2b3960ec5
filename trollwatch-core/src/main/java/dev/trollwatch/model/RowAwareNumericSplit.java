package dev.trollwatch.model;

import weka.classifiers.trees.j48.ClassifierSplitModel;
import weka.classifiers.trees.j48.Distribution;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * A binary split {@code attribute <= threshold} on a numeric attribute, chosen by C4.5's rules with
 * one extra constraint: every candidate threshold must leave at least {@code minRows} training
 * rows (rows, not weights) on each side. Written from C4.5's definition (Quinlan 1993; J48):
 * <ul>
 *   <li>candidates lie between consecutive distinct sorted values (values closer than 1e-5 count
 *       as equal) whose two sides each hold at least {@code minSplit} weight, where
 *       {@code minSplit = max(minNumObj, min(25, 0.1 · knownWeight / numClasses))} — J48's rule,
 *       kept so that {@code minRows = 0} selects what J48 would;</li>
 *   <li>information gain (bits per unit weight over the node's whole weight) picks the threshold;</li>
 *   <li>MDL correction: the gain loses {@code log2(numCandidates) / nodeWeight};</li>
 *   <li>gain ratio = corrected gain / split information, for the choice between attributes.</li>
 * </ul>
 * The threshold is the midpoint of the two values around the cut; {@link RowAwareModelSelection}
 * then snaps it down to the largest training value not above it, as J48 does.
 */
public final class RowAwareNumericSplit extends ClassifierSplitModel implements NumericSplit {
    private static final long serialVersionUID = 1L;
    /** Values closer than this are treated as equal when looking for cut points (as C4.5). */
    private static final double VALUE_EPSILON = 1e-5;

    private final int attIndex;
    private final int minNumObj;
    private final int minRows;
    private final double nodeWeight;
    private double splitPoint = Double.MAX_VALUE;
    private double infoGain;
    private double gainRatio;
    private int numCandidates;

    /**
     * @param attIndex   the numeric attribute to split on
     * @param minNumObj  J48's -M (minimum weight per branch, before its cap of 25)
     * @param minRows    minimum training rows on each side
     * @param nodeWeight total weight of the node's instances (including any with a missing value)
     */
    public RowAwareNumericSplit(int attIndex, int minNumObj, int minRows, double nodeWeight) {
        this.attIndex = attIndex;
        this.minNumObj = minNumObj;
        this.minRows = minRows;
        this.nodeWeight = nodeWeight;
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        m_numSubsets = 0;
        splitPoint = Double.MAX_VALUE;
        infoGain = 0;
        gainRatio = 0;
        numCandidates = 0;
        int numClasses = data.numClasses();
        int n = data.numInstances();

        // Known values, their weights and classes; instances with a missing value take no part.
        double[] values = new double[n];
        double[] weights = new double[n];
        int[] classes = new int[n];
        int known = 0;
        for (int i = 0; i < n; i++) {
            Instance inst = data.instance(i);
            if (inst.isMissing(attIndex)) {
                continue;
            }
            values[known] = inst.value(attIndex);
            weights[known] = inst.weight();
            classes[known] = (int) inst.classValue();
            known++;
        }
        int[] order = IndexSort.ascending(values, known);

        double[] left = new double[numClasses];
        double[] right = new double[numClasses];
        double knownWeight = 0;
        for (int i = 0; i < known; i++) {
            right[classes[i]] += weights[i];
            knownWeight += weights[i];
        }
        double minSplit = 0.1 * knownWeight / numClasses;
        if (Utils.smOrEq(minSplit, minNumObj)) {
            minSplit = minNumObj;
        } else if (Utils.gr(minSplit, 25)) {
            minSplit = 25;
        }
        if (Utils.sm(known, 2 * minSplit) || known < 2L * minRows) {
            return;
        }
        double parentEntropy = Entropy.weightedBits(right);
        double leftWeight = 0;
        int best = -1;
        double bestGain = 0;
        for (int i = 0; i < known - 1; i++) {
            int r = order[i];
            left[classes[r]] += weights[r];
            right[classes[r]] -= weights[r];
            leftWeight += weights[r];
            if (!(values[r] + VALUE_EPSILON < values[order[i + 1]])) {
                continue; // not a cut point: the next value is (nearly) the same
            }
            int leftRows = i + 1;
            int rightRows = known - leftRows;
            double rightWeight = knownWeight - leftWeight;
            if (Utils.grOrEq(leftWeight, minSplit) && Utils.grOrEq(rightWeight, minSplit)
                    && leftRows >= minRows && rightRows >= minRows) {
                double gain = gain(parentEntropy, left, right);
                if (Utils.gr(gain, bestGain)) {
                    bestGain = gain;
                    best = i;
                }
                numCandidates++;
            }
        }
        if (numCandidates == 0) {
            return;
        }
        double corrected = bestGain - log2(numCandidates) / nodeWeight;
        if (Utils.smOrEq(corrected, 0)) {
            return;
        }
        double lo = values[order[best]];
        double hi = values[order[best + 1]];
        splitPoint = (lo + hi) / 2;
        if (splitPoint == hi) {
            splitPoint = lo; // rounding put the midpoint on the upper value
        }
        m_distribution = new Distribution(2, numClasses);
        for (int i = 0; i < data.numInstances(); i++) {
            Instance inst = data.instance(i);
            if (!inst.isMissing(attIndex)) {
                m_distribution.add(inst.value(attIndex) <= splitPoint ? 0 : 1, inst);
            }
        }
        m_numSubsets = 2;
        infoGain = corrected;
        gainRatio = gainRatio(corrected);
    }

    /** Information gain in bits per unit of the node's weight (unknown values dilute it, as in C4.5). */
    private double gain(double parentEntropy, double[] left, double[] right) {
        double diff = parentEntropy - Entropy.weightedBits(left) - Entropy.weightedBits(right);
        if (Utils.eq(diff * knownFraction(left, right), 0)) {
            return 0;
        }
        return diff / nodeWeight;
    }

    private double knownFraction(double[] left, double[] right) {
        double known = 0;
        for (int c = 0; c < left.length; c++) {
            known += left[c] + right[c];
        }
        return known / nodeWeight;
    }

    /** Gain divided by the split information of (left, right, unknown) over the node weight. */
    private double gainRatio(double gain) {
        double l = m_distribution.perBag(0);
        double r = m_distribution.perBag(1);
        double unknown = nodeWeight - l - r;
        double splitInfo = Entropy.xlog2x(nodeWeight) - Entropy.xlog2x(l) - Entropy.xlog2x(r) - Entropy.xlog2x(unknown);
        if (Utils.eq(splitInfo, 0)) {
            return 0;
        }
        return gain / (splitInfo / nodeWeight);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Moves the threshold to {@code value} (J48 snaps it to a training value); rows must not change side. */
    void setSplitPoint(double value) {
        splitPoint = value;
    }

    @Override
    public int attIndex() {
        return attIndex;
    }

    @Override
    public double splitPoint() {
        return splitPoint;
    }

    /** The MDL-corrected information gain of the chosen threshold (0 when there is none). */
    public double infoGain() {
        return infoGain;
    }

    /** The gain ratio of the chosen threshold (0 when there is none). */
    public double gainRatio() {
        return gainRatio;
    }

    @Override
    public double codingCost() {
        return numCandidates > 0 ? log2(numCandidates) : 0;
    }

    @Override
    public double classProb(int classIndex, Instance instance, int theSubset) throws Exception {
        if (theSubset <= -1) {
            double[] w = weights(instance);
            if (w == null) {
                return m_distribution.prob(classIndex);
            }
            double p = 0;
            for (int i = 0; i < w.length; i++) {
                p += w[i] * m_distribution.prob(classIndex, i);
            }
            return p;
        }
        return Utils.gr(m_distribution.perBag(theSubset), 0)
                ? m_distribution.prob(classIndex, theSubset)
                : m_distribution.prob(classIndex);
    }

    @Override
    public String leftSide(Instances data) {
        return data.attribute(attIndex).name();
    }

    @Override
    public String rightSide(int index, Instances data) {
        return (index == 0 ? " <= " : " > ") + Utils.doubleToString(splitPoint, 6);
    }

    @Override
    public String sourceExpression(int index, Instances data) {
        if (index < 0) {
            return "i[" + attIndex + "] == null";
        }
        return "((Double) i[" + attIndex + "]).doubleValue() " + (index == 0 ? "<= " : "> ") + splitPoint;
    }

    @Override
    public void resetDistribution(Instances data) throws Exception {
        Instances known = new Instances(data, data.numInstances());
        for (int i = 0; i < data.numInstances(); i++) {
            if (whichSubset(data.instance(i)) > -1) {
                known.add(data.instance(i));
            }
        }
        Distribution d = new Distribution(known, this);
        d.addInstWithUnknown(data, attIndex);
        m_distribution = d;
    }

    @Override
    public double[] weights(Instance instance) {
        if (!instance.isMissing(attIndex)) {
            return null;
        }
        double[] w = new double[m_numSubsets];
        for (int i = 0; i < m_numSubsets; i++) {
            w[i] = m_distribution.perBag(i) / m_distribution.total();
        }
        return w;
    }

    @Override
    public String getRevision() {
        return "trollwatch";
    }

    @Override
    public int whichSubset(Instance instance) {
        if (instance.isMissing(attIndex)) {
            return -1;
        }
        return instance.value(attIndex) <= splitPoint ? 0 : 1;
    }
}
