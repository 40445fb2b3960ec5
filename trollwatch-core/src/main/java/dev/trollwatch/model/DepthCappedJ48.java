package dev.trollwatch.model;

import weka.classifiers.trees.J48;
import weka.classifiers.trees.j48.C45ModelSelection;
import weka.classifiers.trees.j48.ClassifierTree;
import weka.classifiers.trees.j48.ModelSelection;
import weka.core.Instances;

/**
 * J48 with two extensions and nothing else changed: a maximum depth ({@link DepthCappedTree}) and
 * a minimum number of training rows per leaf ({@link RowAwareModelSelection}). With
 * {@code maxDepth = 0} and {@code minLeafRows = 0} it is stock J48 (same splits, same pruning,
 * same {@code toString()}), which a test checks — down to {@link DecisionTree#MAX_DEPTH} levels,
 * where even an unlimited tree stops, so that its model files can be read back. Saved in {@code .model} files; Weka can load
 * them when trollwatch's classes are on its classpath.
 */
public class DepthCappedJ48 extends J48 {
    private static final long serialVersionUID = 1L;

    private int maxDepth;
    private int minLeafRows;

    /** A learner for these parameters (class weights are applied to the instances, not here). */
    public static DepthCappedJ48 of(LearnerParams params) {
        DepthCappedJ48 j48 = new DepthCappedJ48();
        j48.maxDepth = params.maxDepth();
        j48.minLeafRows = params.minLeafRows();
        j48.setMinNumObj(LearnerParams.J48_MIN_NUM_OBJ);
        j48.setUnpruned(params.unpruned());
        if (!params.unpruned()) {
            j48.setConfidenceFactor((float) params.confidence());
        }
        return j48;
    }

    public int getMaxDepth() {
        return maxDepth;
    }

    public int getMinLeafRows() {
        return minLeafRows;
    }

    @Override
    public void buildClassifier(Instances instances) throws Exception {
        // J48 holds the confidence as a float: 1e-6, the documented bound, is 9.99999997e-7 there
        if (m_CF < (float) LearnerParams.MIN_CONFIDENCE || m_CF > (float) LearnerParams.MAX_CONFIDENCE) {
            throw new IllegalArgumentException("confidence has to be in [" + LearnerParams.MIN_CONFIDENCE + ", "
                    + LearnerParams.MAX_CONFIDENCE + "]");
        }
        getCapabilities().testWithFail(instances);
        ModelSelection selection = minLeafRows > 0
                ? new RowAwareModelSelection(m_minNumObj, minLeafRows, instances)
                : new C45ModelSelection(m_minNumObj, instances, m_useMDLcorrection, m_doNotMakeSplitPointActualValue);
        m_root = new DepthCappedTree(selection, !m_unpruned, m_CF, m_subtreeRaising, !m_noCleanup,
                m_collapseTree, 0, maxDepth == 0 ? DecisionTree.MAX_DEPTH : maxDepth);
        m_root.buildClassifier(instances);
        if (selection instanceof RowAwareModelSelection r) {
            r.cleanup();
        } else {
            ((C45ModelSelection) selection).cleanup();
        }
    }

    /** The root of the trained tree (for conversion to the portable form). */
    public ClassifierTree root() {
        return m_root;
    }

    @Override
    public String toString() {
        String s = super.toString();
        return maxDepth > 0 || minLeafRows > 0
                ? s.replaceFirst("^J48 ", "J48 (max depth " + (maxDepth == 0 ? "unlimited" : maxDepth)
                        + ", min leaf rows " + minLeafRows + ") ")
                : s;
    }
}
