package dev.trollwatch.modelio;

import dev.trollwatch.model.DecisionTree;
import java.util.ArrayList;
import java.util.List;

/**
 * A tree as a numbered node list, the shape both file formats store: nodes in pre-order (root 0,
 * then its left subtree, then its right subtree), each split naming its children by number.
 */
final class FlatTree {
    static final int MAX_DEPTH = DecisionTree.MAX_DEPTH;


    /** One node: {@code left}/{@code right} are node numbers for a split, -1 for a leaf. */
    record FlatNode(int id, DecisionTree.Node node, int left, int right) {
        boolean isLeaf() {
            return node instanceof DecisionTree.Leaf;
        }
    }

    private FlatTree() {
    }

    static List<FlatNode> flatten(DecisionTree tree) {
        List<FlatNode> out = new ArrayList<>();
        add(tree.root(), out);
        return out;
    }

    private static int add(DecisionTree.Node n, List<FlatNode> out) {
        int id = out.size();
        out.add(null);
        if (n instanceof DecisionTree.Split s) {
            int left = add(s.left(), out);
            int right = add(s.right(), out);
            out.set(id, new FlatNode(id, n, left, right));
        } else {
            out.set(id, new FlatNode(id, n, -1, -1));
        }
        return id;
    }

    /**
     * Rebuilds a tree from numbered nodes, checking that it is one: children exist, every node is
     * reached exactly once from node 0 (no cycles, no shared or orphan nodes).
     *
     * @param kinds  per node number: the leaf, or null for a split
     * @param splits per node number: {feature, left, right} for a split (ignored for leaves)
     * @param thresholds per node number, for splits
     * @param where  prefix for error messages (file and field)
     */
    static DecisionTree rebuild(DecisionTree.Leaf[] kinds, int[][] splits, double[] thresholds, String where) {
        int n = kinds.length;
        if (n == 0) {
            throw new MalformedModelException(where + ": the tree has no nodes");
        }
        boolean[] seen = new boolean[n];
        DecisionTree.Node root = build(0, kinds, splits, thresholds, seen, where, 0);
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                throw new MalformedModelException(where + ": node " + i + " is not reachable from the root (node 0)");
            }
        }
        return new DecisionTree(root);
    }

    private static DecisionTree.Node build(int id, DecisionTree.Leaf[] kinds, int[][] splits, double[] thresholds,
            boolean[] seen, String where, int depth) {
        if (id < 0 || id >= kinds.length) {
            throw new MalformedModelException(where + ": a split points to node " + id + ", which does not exist");
        }
        if (seen[id]) {
            throw new MalformedModelException(where + ": node " + id + " is reached twice (not a tree)");
        }
        if (depth > kinds.length) {
            throw new MalformedModelException(where + ": the tree has a cycle");
        }
        if (depth > MAX_DEPTH) { // before recursing further: a 20,000-deep chain must not overflow the stack
            throw new MalformedModelException(where + ": the tree is deeper than " + MAX_DEPTH
                    + " levels, the deepest trollwatch trains and reads");
        }
        seen[id] = true;
        if (kinds[id] != null) {
            return kinds[id];
        }
        int[] s = splits[id];
        if (s == null) {
            throw new MalformedModelException(where + ": node " + id + " is neither a leaf nor a split"
                    + " (another node took its id)");
        }
        return new DecisionTree.Split(s[0], thresholds[id],
                build(s[1], kinds, splits, thresholds, seen, where, depth + 1),
                build(s[2], kinds, splits, thresholds, seen, where, depth + 1));
    }
}
