#!/usr/bin/env python3
"""The 2019 pipeline's learner on a trollwatch features CSV, for comparison with `trollwatch train`.

Usage: /usr/bin/python3 scripts/bench-train-sklearn.py FEATURES.csv [REPEATS]

Needs scikit-learn and pandas (Debian: `apt-get install python3-sklearn python3-pandas`; PyPI is
not reachable from the build machines). Does what user_identification.ipynb did: de-duplicate on
(author, link_id, created_utc), relabel known bots, 70/30 train_test_split(random_state=16),
DecisionTreeClassifier(max_depth=3, class_weight={'normal': 1, 'bot': 2.5, 'troll': 5},
min_samples_leaf=100). Prints fit time (best of REPEATS), accuracy and MCC on the test split.
"""
import sys
import time

import pandas as pd
from sklearn.metrics import accuracy_score, matthews_corrcoef
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

path = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
t0 = time.perf_counter()
df = pd.read_csv(path)
df = df.drop_duplicates(subset=["author", "link_id", "created_utc"])
bots = set(df.loc[df.target == "bot", "author"])
df.loc[df.author.isin(bots), "target"] = "bot"
features = [c for c in df.columns if c not in ("author", "link_id", "created_utc", "target")]
X = df[features].astype(float)
y = df.target
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=16)
print(f"{path}: {len(df):,} rows after de-duplication; read+prepare {time.perf_counter() - t0:.2f} s")
best = float("inf")
for _ in range(repeats):
    clf = DecisionTreeClassifier(max_depth=3, class_weight={"normal": 1, "bot": 2.5, "troll": 5},
                                 min_samples_leaf=100)
    s = time.perf_counter()
    clf.fit(X_train, y_train)
    best = min(best, time.perf_counter() - s)
s = time.perf_counter()
pred = clf.predict(X_test)
predict = time.perf_counter() - s
print(f"fit on {len(X_train):,} rows: best {best:.3f} s of {repeats}; predict {len(X_test):,} rows {predict:.3f} s")
print(f"accuracy {accuracy_score(y_test, pred):.4f}, MCC {matthews_corrcoef(y_test, pred):.4f}, "
      f"{clf.get_n_leaves()} leaves, smallest leaf {int(min(clf.tree_.n_node_samples[clf.tree_.children_left == -1]))} rows")
