package dev.trollwatch.model;

import weka.classifiers.trees.j48.C45PruneableClassifierTree;
import weka.classifiers.trees.j48.ClassifierTree;
import weka.classifiers.trees.j48.Distribution;
import weka.classifiers.trees.j48.ModelSelection;
import weka.classifiers.trees.j48.NoSplit;
import weka.core.Instances;
import weka.core.Utils;

/**
 * C4.5's pruneable tree with a depth cap: a node at {@code maxDepth} becomes a leaf over its
 * class distribution instead of asking for a split. Everything else — split choice, collapsing,
 * error-based pruning, subtree raising (which only lifts subtrees, so depths only shrink) — is
 * J48's. With {@code maxDepth = 0} it grows exactly the tree stock J48 grows.
 */
public class DepthCappedTree extends C45PruneableClassifierTree {
    private static final long serialVersionUID = 1L;

    private final int depth;
    private final int maxDepth;

    /**
     * @param depth    this node's depth (root 0)
     * @param maxDepth deepest level that may still split is {@code maxDepth - 1}; 0 = unlimited
     */
    public DepthCappedTree(ModelSelection selection, boolean prune, float cf, boolean raise,
            boolean cleanup, boolean collapse, int depth, int maxDepth) throws Exception {
        super(selection, prune, cf, raise, cleanup, collapse);
        this.depth = depth;
        this.maxDepth = maxDepth;
    }

    @Override
    public void buildTree(Instances data, boolean keepData) throws Exception {
        if (maxDepth > 0 && depth >= maxDepth) {
            if (keepData) {
                m_train = data;
            }
            m_test = null;
            m_sons = null;
            m_isLeaf = true;
            m_isEmpty = Utils.eq(data.sumOfWeights(), 0);
            m_localModel = new NoSplit(new Distribution(data));
            return;
        }
        super.buildTree(data, keepData);
    }

    @Override
    protected ClassifierTree getNewTree(Instances data) throws Exception {
        DepthCappedTree child = new DepthCappedTree(m_toSelectModel, m_pruneTheTree, m_CF,
                m_subtreeRaising, m_cleanup, m_collapseTheTree, depth + 1, maxDepth);
        child.buildTree(data, m_subtreeRaising || !m_cleanup);
        return child;
    }
}
