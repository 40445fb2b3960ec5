package dev.trollwatch.modelio.sklearn;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.io.file.RegularFile;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelIdentity;
import dev.trollwatch.model.ModelInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a scikit-learn {@code DecisionTreeClassifier} pickle into a trollwatch model that scores
 * exactly as scikit-learn's {@code predict_proba}: a row goes left when
 * {@code float32(x[feature]) <= threshold}; the pickle's features are mapped onto trollwatch's by
 * name; the pickle's classes onto bot/normal/troll by name; a leaf's probabilities are its weighted
 * class counts normalised. Reads the layouts of scikit-learn 0.20 to 1.x (1.3 adds
 * {@code missing_go_to_left} to the node records, 1.4 stores fractions in {@code values}).
 */
public final class SklearnTreeImporter {
    /** Larger files are refused unread (the 2019 model has 2,389 bytes). */
    public static final long MAX_PICKLE_BYTES = 64L << 20;
    /** The learner recorded in imported models. */
    public static final String LEARNER = "scikit-learn CART, imported";
    /** The 2019 API's feature order ({@code model.py}), used when the pickle names no features. */
    static final List<String> ORDER_2019 = List.of("no_follow", "author_verified", "author_comment_karma",
            "author_link_karma", "over_18", "is_submitter", "recent_num_comments", "recent_num_last_30_days",
            "recent_avg_no_follow", "recent_avg_gilded", "recent_avg_responses", "recent_percent_neg_score",
            "recent_avg_score", "recent_min_score", "recent_avg_controversiality", "recent_avg_ups",
            "recent_avg_diff_ratio", "recent_max_diff_ratio", "recent_avg_sentiment_polarity",
            "recent_min_sentiment_polarity");
    /** Estimator attributes recorded as the model's parameters, when present. */
    private static final List<String> PARAMS = List.of("criterion", "splitter", "max_depth", "min_samples_split",
            "min_samples_leaf", "min_weight_fraction_leaf", "max_features", "max_leaf_nodes",
            "min_impurity_decrease", "ccp_alpha", "class_weight", "random_state");

    private final String file;

    private SklearnTreeImporter(String file) {
        this.file = file;
    }

    /**
     * Reads a pickle file.
     *
     * @param featureNames the pickle's feature names in its column order, or null to use
     *                     {@code feature_names_in_} or else the 2019 order (20 features)
     * @param toolVersion  trollwatch's version, recorded in the model
     * @param createdAt    ISO-8601 time of the import, recorded in the model
     */
    public static ImportedModel read(Path pickle, List<String> featureNames, String toolVersion, String createdAt)
            throws IOException {
        RegularFile.require(pickle, "a pickle to import is a regular file");
        long size = Files.size(pickle);
        if (size > MAX_PICKLE_BYTES) {
            throw new PickleException(pickle + ": more than " + MAX_PICKLE_BYTES + " bytes, larger than a decision"
                    + " tree pickle can be here");
        }
        // Into one buffer of the file's size (reading up to a limit collects chunks and copies them,
        // twice the file at once); what a growing file appends after that is not read.
        byte[] bytes = new byte[(int) size];
        int read;
        try (InputStream in = Files.newInputStream(pickle)) {
            read = in.readNBytes(bytes, 0, bytes.length);
        }
        if (read < bytes.length) {
            bytes = Arrays.copyOf(bytes, read);
        }
        return decode(bytes, pickle.toString(), pickle.getFileName().toString(), featureNames, toolVersion, createdAt);
    }

    /** The compression a file's first bytes announce (joblib's compress= formats), or null. */
    static String compression(byte[] b) {
        int b0 = b.length > 0 ? b[0] & 0xff : -1;
        int b1 = b.length > 1 ? b[1] & 0xff : -1;
        if (b0 == 0x78 && (b0 * 256 + b1) % 31 == 0) {
            return "zlib";
        }
        if (b0 == 0x1f && b1 == 0x8b) {
            return "gzip";
        }
        if (b0 == 'B' && b1 == 'Z' && b.length > 2 && b[2] == 'h') {
            return "bz2";
        }
        if (b0 == 0xfd && b1 == '7' && b.length > 5 && b[2] == 'z' && b[3] == 'X' && b[4] == 'Z' && b[5] == 0) {
            return "xz";
        }
        if (b0 == 0x5d && b1 == 0x00 && b.length > 2 && b[2] == 0x00) {
            return "lzma";
        }
        return null;
    }

    /** Decodes pickle bytes; {@code name} appears in errors, {@code sourceName} in the model's parameters. */
    public static ImportedModel decode(byte[] bytes, String name, String sourceName, List<String> featureNames,
            String toolVersion, String createdAt) {
        if (bytes.length > MAX_PICKLE_BYTES) {
            throw new PickleException(name + ": " + bytes.length + " bytes is larger than the limit " + MAX_PICKLE_BYTES);
        }
        if (bytes.length < 2 || (bytes[0] & 0xff) != PickleScanner.PROTO) {
            String compression = compression(bytes);
            throw new PickleException(name + ": not a binary pickle (protocol 2 or later): it does not start with PROTO"
                    + (compression == null ? "" : "; it is " + compression + "-compressed (joblib.dump(..., compress=…)"
                            + " writes such files): decompress it, or save the model with pickle.dump(model, f, protocol=4)"));
        }
        Object root = PickleMachine.load(bytes, name);
        return new SklearnTreeImporter(name).convert(root, bytes, sourceName, featureNames, toolVersion, createdAt);
    }

    private ImportedModel convert(Object root, byte[] bytes, String sourceName, List<String> givenNames,
            String toolVersion, String createdAt) {
        if (!(root instanceof PickledInstance estimator) || !estimator.type.isClassifier()) {
            throw error("the pickle holds " + PickleMachine.describe(root) + ", not a scikit-learn DecisionTreeClassifier");
        }
        Map<String, Object> est = estimator.state;
        if (!(est.get("tree_") instanceof PickledTree tree)) {
            throw error("the DecisionTreeClassifier has no fitted tree_ (was it trained?)");
        }
        long outputs = integer(tree.arguments, 2, "Tree n_outputs");
        if (outputs != 1) {
            throw error("the tree has " + outputs + " outputs; trollwatch scores one class per comment (1 output)");
        }
        if (est.containsKey("n_outputs_") && !Long.valueOf(1).equals(est.get("n_outputs_"))) {
            throw error("n_outputs_ is " + ValueText.of(est.get("n_outputs_"))
                    + " but the tree has 1 output; trollwatch scores one class per comment");
        }
        int nFeatures = featureCount(integer(tree.arguments, 0, "Tree n_features"));
        Object declared = est.containsKey("n_features_in_") ? est.get("n_features_in_") : est.get("n_features_");
        if (declared != null && !Long.valueOf(nFeatures).equals(declared)) {
            throw error("n_features " + ValueText.of(declared) + " differs from the tree's " + nFeatures);
        }
        int[] featureMap = featureMap(nFeatures, givenNames, est.get("feature_names_in_"));
        int[] classMap = classMap(est.get("classes_"));
        Map<Label, Double> classWeights = classWeights(est.get("class_weight"));
        boolean rowsDerivable = est.get("class_weight") == null || est.get("class_weight") instanceof Map;
        PickledTreeDecoder nodes = new PickledTreeDecoder(file, tree, nFeatures, featureMap, classMap, classWeights,
                rowsDerivable);
        DecisionTree decoded = nodes.decode();

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("learner", LEARNER);
        params.put("source_file", sourceName);
        params.put("source_sha256", sha256(bytes));
        params.put("sklearn_version", EstimatorParameters.json(file, "_sklearn_version",
                est.getOrDefault("_sklearn_version", "unknown (before 0.18)")));
        for (String key : PARAMS) {
            if (est.containsKey(key)) {
                params.put(key, EstimatorParameters.json(file, key, est.get(key)));
            }
        }
        List<String> order = new ArrayList<>();
        for (int f : featureMap) {
            order.add(FeatureSchema.NAMES.get(f));
        }
        params.put("pickle_feature_order", order);
        params.put("leaf_rows", nodes.leafRowsExact() ? "exact (weighted counts / class weight)"
                : "estimated (weighted counts apportioned to the leaf's rows, where they do not divide exactly)");
        Map<Label, Long> trainingRows = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            trainingRows.put(l, 0L);
        }
        for (DecisionTree.Leaf leaf : decoded.leaves()) {
            for (Label l : Label.values()) {
                trainingRows.merge(l, leaf.rows()[l.ordinal()], Long::sum);
            }
        }
        ModelInfo info = new ModelInfo(ModelIdentity.modelId(decoded, params), toolVersion,
                FeatureSchema.FEATURIZER_VERSION, FeatureSchema.NAMES, classWeights, params, Map.of(), null,
                trainingRows, createdAt);
        return new ImportedModel(decoded, info);
    }

    /** The Tree's n_features, at most trollwatch's feature count: each column must map to a distinct feature. */
    private int featureCount(long n) {
        if (n < 1 || n > FeatureSchema.NAMES.size()) {
            throw error("the Tree's n_features " + n + " is out of range: trollwatch computes "
                    + FeatureSchema.NAMES.size() + " features, and each column of the tree must be one of them");
        }
        return (int) n;
    }

    /** For each pickle column, the trollwatch feature index. */
    private int[] featureMap(int nFeatures, List<String> given, Object inPickle) {
        List<String> names;
        String source;
        if (given != null) {
            names = given;
            source = "the given feature names";
        } else if (inPickle instanceof NumpyArray a) {
            names = a.strings(file + ": feature_names_in_");
            source = "feature_names_in_";
        } else if (nFeatures == ORDER_2019.size()) {
            names = ORDER_2019;
            source = "the 2019 feature order";
        } else {
            throw error("the tree has " + nFeatures + " features and the pickle does not name them"
                    + " (no feature_names_in_); give their names in column order");
        }
        if (names.contains("")) {
            throw error(source + " include an empty name (column " + names.indexOf("") + ")");
        }
        if (names.size() != nFeatures) {
            throw error(source + " list " + names.size() + " features, the tree has " + nFeatures);
        }
        int[] map = new int[nFeatures];
        for (int i = 0; i < nFeatures; i++) {
            map[i] = FeatureSchema.indexOf(names.get(i));
            if (map[i] < 0) {
                throw error("feature " + ValueText.of(names.get(i)) + " (column " + i + " in " + source
                        + ") is not one trollwatch computes; its features are " + FeatureSchema.NAMES);
            }
            for (int j = 0; j < i; j++) {
                if (map[j] == map[i]) {
                    throw error("feature " + ValueText.of(names.get(i)) + " appears twice in " + source);
                }
            }
        }
        if (given != null && inPickle instanceof NumpyArray a) {
            checkAgainstPickle(given, a.strings(file + ": feature_names_in_"));
        }
        return map;
    }

    /**
     * Given names may rename the pickle's columns (a DataFrame with names of its own), but not
     * reorder names that already are trollwatch's: the pickle knows its column order, and a list
     * that disagrees with it scored every comment with the wrong features, silently.
     */
    private void checkAgainstPickle(List<String> given, List<String> inPickle) {
        boolean ours = inPickle.stream().allMatch(n -> FeatureSchema.indexOf(n) >= 0);
        if (ours && !given.equals(inPickle)) {
            throw error("--feature-names " + ValueText.of(String.join(",", given)) + " disagrees with the pickle's"
                    + " feature_names_in_ " + ValueText.of(String.join(",", inPickle)) + ", which are trollwatch's"
                    + " names in the tree's column order: leave --feature-names out");
        }
    }

    /** For each pickle class (in classes_ order), the trollwatch label index. */
    private int[] classMap(Object classes) {
        if (!(classes instanceof NumpyArray a)) {
            throw error("the DecisionTreeClassifier has no classes_ array");
        }
        List<String> names = a.strings(file + ": classes_");
        int[] map = new int[names.size()];
        for (int i = 0; i < map.length; i++) {
            Label l = Label.parse(names.get(i));
            if (l == null || !l.text().equals(names.get(i))) {
                throw error("class " + ValueText.of(names.get(i)) + " is not one of trollwatch's classes (bot, normal, troll);"
                        + " classes_ is " + ValueText.of(names));
            }
            map[i] = l.ordinal();
            for (int j = 0; j < i; j++) {
                if (map[j] == map[i]) {
                    throw error("class " + ValueText.of(names.get(i)) + " appears twice in classes_");
                }
            }
        }
        return map;
    }

    /** class_weight as trollwatch records it: a dict's values (missing classes 1, as in scikit-learn); 1 otherwise. */
    private Map<Label, Double> classWeights(Object classWeight) {
        Map<Label, Double> out = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            out.put(l, 1.0);
        }
        if (classWeight instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Label l = e.getKey() instanceof String s ? Label.parse(s) : null;
                if (l == null || !(e.getValue() instanceof Number w) || !(w.doubleValue() > 0)
                        || Double.isInfinite(w.doubleValue())) {
                    throw error("class_weight entry " + ValueText.of(e.getKey()) + ": " + ValueText.of(e.getValue())
                            + " is not a trollwatch class with a positive weight");
                }
                out.put(l, w.doubleValue());
            }
        } else if (classWeight != null && !"balanced".equals(classWeight)) {
            throw error("class_weight " + PickleMachine.describe(classWeight) + " is not understood (a dict, 'balanced' or None)");
        }
        return out;
    }

    private long integer(PyTuple t, int i, String what) {
        if (t.size() <= i || !(t.get(i) instanceof Long n)) {
            throw error(what + " is missing or not an integer");
        }
        return n;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private PickleException error(String what) {
        return new PickleException(file + ": " + what);
    }
}
