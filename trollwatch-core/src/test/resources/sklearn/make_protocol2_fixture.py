"""Writes protocol2-p2.pkl: a tiny synthetic DecisionTreeClassifier pickled as Python 3 does at
protocol 2, where every bytes object (every numpy buffer) is written as
_codecs.encode(text, 'latin1'). scikit-learn is not needed: stand-in classes carry the module and
class names scikit-learn's have, and numpy writes its arrays itself.

Run with python3 and numpy in this directory. The tree: 20 features in the 2019 order, one split,
no_follow <= 0.5 → bot (weighted 30 / 5 / 1), else troll (2 / 4 / 40)."""
import pickle
import sys
import types

import numpy as np


def stand_in(module, name, cls):
    mod = sys.modules.setdefault(module, types.ModuleType(module))
    cls.__module__ = module
    cls.__qualname__ = name
    cls.__name__ = name
    setattr(mod, name, cls)
    return cls


for parent in ("sklearn", "sklearn.tree"):
    sys.modules.setdefault(parent, types.ModuleType(parent))


class Tree:
    def __init__(self, n_features, n_classes, n_outputs, state):
        self.args = (n_features, n_classes, n_outputs)
        self.state = state

    def __reduce__(self):
        return (type(self), self.args, self.state)


class DecisionTreeClassifier:
    pass


stand_in("sklearn.tree._tree", "Tree", Tree)
stand_in("sklearn.tree._classes", "DecisionTreeClassifier", DecisionTreeClassifier)

NODE = np.dtype([("left_child", "<i8"), ("right_child", "<i8"), ("feature", "<i8"), ("threshold", "<f8"),
                 ("impurity", "<f8"), ("n_node_samples", "<i8"), ("weighted_n_node_samples", "<f8")])
nodes = np.array([(1, 2, 0, 0.5, 0.6, 82, 82.0), (-1, -1, -2, -2.0, 0.3, 36, 36.0),
                  (-1, -1, -2, -2.0, 0.2, 46, 46.0)], dtype=NODE)
values = np.array([[[32.0, 9.0, 41.0]], [[30.0, 5.0, 1.0]], [[2.0, 4.0, 40.0]]])

est = DecisionTreeClassifier()
est.__dict__.update({
    "criterion": "gini", "splitter": "best", "max_depth": 1, "min_samples_split": 2, "min_samples_leaf": 1,
    "min_weight_fraction_leaf": 0.0, "max_features": None, "max_leaf_nodes": None, "random_state": 7,
    "min_impurity_decrease": 0.0, "class_weight": None, "ccp_alpha": 0.0, "n_features_in_": 20,
    "n_outputs_": 1, "classes_": np.array(["bot", "normal", "troll"], dtype=object), "n_classes_": np.int64(3),
    "max_features_": 20,
    "tree_": Tree(20, np.array([3], dtype=np.intp), 1,
                  {"max_depth": 1, "node_count": 3, "nodes": nodes, "values": values}),
    "_sklearn_version": "1.2.1",
})
with open("protocol2-p2.pkl", "wb") as f:
    f.write(pickle.dumps(est, protocol=2))
