package dev.trollwatch.modelio.sklearn;

import java.util.Set;

/**
 * A {@code module.name} reference in a pickle (what Python would import). Only the names in
 * {@link #ALLOWED} are accepted; the reader never imports or calls anything, it recognises these
 * few and builds inert values for them.
 */
record PickleGlobal(String module, String name) {

    static final PickleGlobal CLASSIFIER_0_20 = new PickleGlobal("sklearn.tree.tree", "DecisionTreeClassifier");
    static final PickleGlobal CLASSIFIER = new PickleGlobal("sklearn.tree._classes", "DecisionTreeClassifier");
    static final PickleGlobal TREE = new PickleGlobal("sklearn.tree._tree", "Tree");
    static final PickleGlobal NDARRAY = new PickleGlobal("numpy", "ndarray");
    static final PickleGlobal DTYPE = new PickleGlobal("numpy", "dtype");
    static final PickleGlobal RECONSTRUCT = new PickleGlobal("numpy.core.multiarray", "_reconstruct");
    static final PickleGlobal RECONSTRUCT_NUMPY2 = new PickleGlobal("numpy._core.multiarray", "_reconstruct");
    static final PickleGlobal SCALAR = new PickleGlobal("numpy.core.multiarray", "scalar");
    static final PickleGlobal SCALAR_NUMPY2 = new PickleGlobal("numpy._core.multiarray", "scalar");
    static final PickleGlobal FROMBUFFER = new PickleGlobal("numpy.core.numeric", "_frombuffer");
    static final PickleGlobal FROMBUFFER_NUMPY2 = new PickleGlobal("numpy._core.numeric", "_frombuffer");
    /** Python 3's bytes at protocol 2: {@code encode(text, 'latin1')}, see {@link Latin1Encode}. */
    static final PickleGlobal CODECS_ENCODE = new PickleGlobal("_codecs", "encode");

    /** Everything a DecisionTreeClassifier pickle needs, under scikit-learn 0.20+ and numpy 1.x/2.x names. */
    static final Set<PickleGlobal> ALLOWED = Set.of(CLASSIFIER_0_20, CLASSIFIER, TREE, NDARRAY, DTYPE,
            RECONSTRUCT, RECONSTRUCT_NUMPY2, SCALAR, SCALAR_NUMPY2, FROMBUFFER, FROMBUFFER_NUMPY2, CODECS_ENCODE);

    /** Why a pickle naming this global is refused, with what to do when the file is joblib's. */
    String refusal() {
        return "refused: global " + this + " is not allowed (a pickle naming it could run code;"
                + " only scikit-learn's tree classes and numpy's array reconstruction are accepted)"
                + (module.startsWith("joblib.") ? "; this is a joblib.dump file: save the model with"
                        + " pickle.dump(model, f, protocol=4) and import that" : "");
    }

    boolean isAllowed() {
        return ALLOWED.contains(this);
    }

    boolean isClassifier() {
        return equals(CLASSIFIER) || equals(CLASSIFIER_0_20);
    }

    @Override
    public String toString() {
        return module + "." + name;
    }
}
