package dev.trollwatch.modelio.sklearn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * scikit-learn's {@code sklearn.tree._tree.Tree} as pickled: its constructor arguments
 * {@code (n_features, n_classes, n_outputs)} and its state dictionary
 * ({@code max_depth, node_count, nodes, values}).
 */
final class PickledTree {
    final PyTuple arguments;
    final Map<String, Object> state = new LinkedHashMap<>();

    PickledTree(PyTuple arguments) {
        this.arguments = arguments;
    }
}
