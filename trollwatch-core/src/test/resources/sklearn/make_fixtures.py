#!/usr/bin/python3
"""Builds the scikit-learn pickle fixtures for trollwatch's import-sklearn tests.

Run with Debian's python3 (python3-sklearn 1.2.1, python3-numpy 1.24):
    /usr/bin/python3 make_fixtures.py
It writes the *.pkl files here and expected.json: for every good pickle, rows of the
20 trollwatch features and scikit-learn's own predict_proba / predict on them.

Nothing here is the 2019 model: the trees are trained on random data shaped like the
trollwatch features. Two fixtures re-label what scikit-learn 1.2.1 writes to match
other versions' layout (see README.md): the 0.20 module path and attribute names, and
1.3+/1.4+ node records (missing_go_to_left) and normalised values.
"""
import copyreg
import json
import os
import pickle
import sys
import types

import numpy as np
import sklearn
from sklearn.tree import DecisionTreeClassifier
from sklearn.tree._tree import Tree

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = [
    "no_follow", "author_verified", "author_comment_karma", "author_link_karma", "over_18",
    "is_submitter", "recent_num_comments", "recent_num_last_30_days", "recent_avg_no_follow",
    "recent_avg_gilded", "recent_avg_responses", "recent_percent_neg_score", "recent_avg_score",
    "recent_min_score", "recent_avg_controversiality", "recent_avg_ups", "recent_avg_diff_ratio",
    "recent_max_diff_ratio", "recent_avg_sentiment_polarity", "recent_min_sentiment_polarity",
]
WEIGHTS_2019 = {"normal": 1, "bot": 2.5, "troll": 5}


def features(rng, n):
    """n rows of 20 features on roughly the real data's scales."""
    x = np.zeros((n, 20))
    x[:, 0] = rng.integers(0, 2, n)
    x[:, 1] = rng.integers(0, 2, n)
    x[:, 2] = np.round(rng.lognormal(8, 2, n))
    x[:, 3] = np.round(rng.lognormal(5, 2, n))
    x[:, 4] = rng.integers(0, 2, n)
    x[:, 5] = rng.integers(0, 2, n)
    x[:, 6] = rng.integers(0, 21, n)
    x[:, 7] = rng.integers(0, 21, n)
    x[:, 8] = rng.random(n)
    x[:, 9] = rng.random(n) * 0.1
    x[:, 10] = rng.lognormal(2, 1, n)
    x[:, 11] = rng.random(n) * 100
    x[:, 12] = rng.normal(5, 10, n)
    x[:, 13] = rng.normal(-2, 5, n)
    x[:, 14] = rng.random(n) * 0.2
    x[:, 15] = rng.normal(5, 10, n)
    x[:, 16] = rng.beta(2, 5, n)
    x[:, 17] = np.minimum(1, x[:, 16] + rng.random(n) * 0.3)
    x[:, 18] = rng.normal(0.05, 0.2, n)
    x[:, 19] = x[:, 18] - rng.random(n) * 0.5
    return x


def labels(rng, x):
    """bot / normal / troll from a noisy rule on a few features."""
    bot = (x[:, 16] > 0.35) | ((x[:, 2] > 20000) & (x[:, 10] < 5))
    troll = (x[:, 2] < 2000) & (x[:, 3] > 300)
    y = np.where(bot, "bot", np.where(troll, "troll", "normal")).astype(object)
    flip = rng.random(len(y)) < 0.08
    y[flip] = rng.choice(["bot", "normal", "troll"], flip.sum())
    return y


def probe_rows(rng, clf, x, columns):
    """Rows to score: some training-like rows, plus rows on and next to every threshold."""
    rows = [r.copy() for r in x[rng.choice(len(x), 40, replace=False)]]
    t = clf.tree_
    for node in range(t.node_count):
        if t.children_left[node] == -1:
            continue
        f = columns[t.feature[node]]
        thr = float(t.threshold[node])
        below = float(np.nextafter(np.float32(thr), np.float32(-np.inf)))
        above = float(np.nextafter(np.float32(thr), np.float32(np.inf)))
        for v in (thr, np.nextafter(thr, np.inf), np.nextafter(thr, -np.inf), below, above):
            r = x[rng.integers(len(x))].copy()
            r[f] = v
            rows.append(r)
    return np.array(rows)


def expected_entry(name, clf, rows, columns):
    proba = clf.predict_proba(rows[:, columns])
    return {
        "pickle": name,
        "classes": [str(c) for c in clf.classes_],
        "rows": rows.tolist(),
        "predict_proba": proba.tolist(),
        "predict": [str(c) for c in clf.predict(rows[:, columns])],
    }


def walk_float64(clf, row):
    """The class a float64 comparison would give (what scikit-learn does NOT do)."""
    t = clf.tree_
    node = 0
    while t.children_left[node] != -1:
        node = t.children_left[node] if row[t.feature[node]] <= t.threshold[node] else t.children_right[node]
    return clf.classes_[np.argmax(t.value[node][0])]


def dump(name, obj, protocol=None, pickler=pickle.Pickler):
    path = os.path.join(HERE, name)
    with open(path, "wb") as f:
        pickler(f, protocol=protocol).dump(obj)
    return name


# --- the 0.20 layout: module sklearn.tree.tree, n_features_ instead of n_features_in_ ---
legacy_module = types.ModuleType("sklearn.tree.tree")
sys.modules["sklearn.tree.tree"] = legacy_module


class LegacyDecisionTreeClassifier:
    """Stands for scikit-learn 0.20's class, so that pickle names it sklearn.tree.tree."""


LegacyDecisionTreeClassifier.__module__ = "sklearn.tree.tree"
LegacyDecisionTreeClassifier.__qualname__ = "DecisionTreeClassifier"
LegacyDecisionTreeClassifier.__name__ = "DecisionTreeClassifier"
legacy_module.DecisionTreeClassifier = LegacyDecisionTreeClassifier


def as_legacy(clf):
    """The estimator as scikit-learn 0.20 pickled it (module path and attribute names)."""
    state = clf.__getstate__()
    state["n_features_"] = state.pop("n_features_in_")
    state.pop("ccp_alpha", None)
    state["presort"] = False
    state["min_impurity_split"] = None
    state["_sklearn_version"] = "0.20.2"
    legacy = LegacyDecisionTreeClassifier()
    legacy.__dict__.update(state)
    return legacy


# --- the 1.4 layout: nodes carry missing_go_to_left (1.3+), values are fractions (1.4+) ---
NODE_DTYPE_1_3 = np.dtype({
    "names": ["left_child", "right_child", "feature", "threshold", "impurity", "n_node_samples",
              "weighted_n_node_samples", "missing_go_to_left"],
    "formats": ["<i8", "<i8", "<i8", "<f8", "<f8", "<i8", "<f8", "u1"],
    "offsets": [0, 8, 16, 24, 32, 40, 48, 56],
    "itemsize": 64,
})


class Sklearn14Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if type(obj) is Tree:
            cls, args, state = obj.__reduce__()
            old = state["nodes"]
            nodes = np.zeros(len(old), dtype=NODE_DTYPE_1_3)
            for field in old.dtype.names:
                nodes[field] = old[field]
            nodes["missing_go_to_left"] = 1
            values = state["values"] / state["values"].sum(axis=2, keepdims=True)
            return cls, args, dict(state, nodes=nodes, values=values)
        if type(obj) is DecisionTreeClassifier:
            state = obj.__getstate__()
            state["monotonic_cst"] = None
            state["_sklearn_version"] = "1.4.2"
            return copyreg.__newobj__, (DecisionTreeClassifier,), state
        return NotImplemented


def main():
    rng = np.random.default_rng(20190215)
    x = features(rng, 4000)
    y = labels(rng, x)
    all_columns = list(range(20))
    expected = []

    # classes_ as a numpy unicode array (y given as str), not an object array
    stump = DecisionTreeClassifier(max_depth=1, random_state=1).fit(x, y.astype(str))
    expected.append(expected_entry(dump("depth1-p3.pkl", stump, 3), stump, probe_rows(rng, stump, x, all_columns), all_columns))

    article = DecisionTreeClassifier(criterion="gini", max_depth=3, min_samples_leaf=100,
                                     class_weight=WEIGHTS_2019, random_state=2).fit(x, y)
    rows = probe_rows(rng, article, x, all_columns)
    expected.append(expected_entry(dump("legacy-0.20-layout-p3.pkl", as_legacy(article), 3), article, rows, all_columns))
    expected.append(expected_entry(dump("article-params-p4.pkl", article), article, rows, all_columns))
    expected.append(expected_entry(dump("sklearn-1.4-layout-p4.pkl", article, 4, Sklearn14Pickler), article, rows, all_columns))

    # unbalanced: a pure group of bots (very similar comments) is a leaf right under the root,
    # the rest keeps splitting down to depth 6
    yu = y.copy()
    yu[x[:, 16] > 0.3] = "bot"
    unbalanced = DecisionTreeClassifier(max_depth=6, min_samples_leaf=5,
                                        criterion="entropy", random_state=3).fit(x, yu)
    t = unbalanced.tree_
    assert t.children_left[t.children_right[0]] == -1 or t.children_left[t.children_left[0]] == -1, \
        "the unbalanced fixture should have a leaf right under the root"
    expected.append(expected_entry(dump("unbalanced-p5.pkl", unbalanced, 5), unbalanced,
                                   probe_rows(rng, unbalanced, x, all_columns), all_columns))

    # two classes only, five named features in another order (feature_names_in_ as fit on a DataFrame)
    columns = [16, 2, 3, 10, 1]
    two = DecisionTreeClassifier(max_depth=2, class_weight="balanced", random_state=4)
    keep = y != "troll"
    two.fit(x[keep][:, columns], y[keep])
    two.feature_names_in_ = np.array([NAMES[c] for c in columns], dtype=object)
    expected.append(expected_entry(dump("named-features-two-classes-p4.pkl", two), two,
                                   probe_rows(rng, two, x, columns), columns))

    # float32 boundary. scikit-learn casts X to float32 and compares with a float64 threshold.
    # recent_avg_diff_ratio: training values a and a + 4 float32 ulps, the threshold a + 2 ulps
    # (a float32): a value just above it in float64 rounds down to it and goes left.
    # recent_max_diff_ratio: adjacent float32 values c (odd) and d near 1000, the threshold their
    # float64 midpoint: the midpoint itself rounds (to even) up to d and goes right.
    a = np.float32(0.3)
    b = a
    for _ in range(4):
        b = np.nextafter(b, np.float32(1))
    c = np.nextafter(np.float32(1000), np.float32(2000))
    d = np.nextafter(c, np.float32(2000))
    xb = np.zeros((800, 20))
    xb[:, 16] = np.where(np.arange(800) % 2 == 0, a, b)
    xb[:, 17] = np.where(np.arange(800) % 4 < 2, c, d)
    yb = np.where(xb[:, 16] > a, "bot", np.where(xb[:, 17] > c, "troll", "normal")).astype(object)
    boundary = DecisionTreeClassifier(max_depth=2).fit(xb, yb)
    rows = []
    t16 = float(a) / 2 + float(b) / 2
    t17 = float(c) / 2 + float(d) / 2
    for v16 in (float(a), float(b), t16, np.nextafter(t16, 1.0), np.nextafter(t16, 0.0)):
        for v17 in (float(c), float(d), t17, np.nextafter(t17, 2000.0), np.nextafter(t17, 0.0)):
            r = np.zeros(20)
            r[16], r[17] = v16, v17
            rows.append(r)
    rows = np.array(rows)
    differ = sum(1 for r, p in zip(rows, boundary.predict(rows)) if walk_float64(boundary, r) != p)
    assert differ >= 2, "the boundary fixture must have rows where a float64 comparison disagrees"
    expected.append(expected_entry(dump("float32-boundary-p4.pkl", boundary), boundary, rows, all_columns))

    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump({"sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
                   "fixtures": expected}, f)
        f.write("\n")

    hostile()


class RunsCommand:
    """A __reduce__ payload: unpickling it in Python runs a shell command."""

    def __init__(self, command):
        self.command = command

    def __reduce__(self):
        return os.system, (self.command,)


class EvalsCode:
    def __reduce__(self):
        return eval, ("__import__('os').system('touch /tmp/trollwatch-pickle-payload-ran')",)


class HugeArray:
    """An array whose state claims 2**40 float64 values but carries 8 bytes."""

    def __reduce__(self):
        from numpy.core.multiarray import _reconstruct
        return _reconstruct, (np.ndarray, (0,), b"b"), (1, (2 ** 40,), np.dtype("f8"), False, b"\0" * 8)


def hostile():
    marker = "touch /tmp/trollwatch-pickle-payload-ran"
    dump("hostile-os-system-p3.pkl", RunsCommand(marker), 3)
    dump("hostile-os-system-p4.pkl", RunsCommand(marker), 4)
    dump("hostile-eval-p2.pkl", EvalsCode(), 2)
    # a real-looking estimator with the payload inside its state
    rng = np.random.default_rng(7)
    x = features(rng, 300)
    clf = DecisionTreeClassifier(max_depth=1).fit(x, labels(rng, x))
    clf.criterion = RunsCommand(marker)
    dump("hostile-payload-in-state-p4.pkl", clf, 4)
    dump("hostile-huge-array-p3.pkl", HugeArray(), 3)


if __name__ == "__main__":
    main()
