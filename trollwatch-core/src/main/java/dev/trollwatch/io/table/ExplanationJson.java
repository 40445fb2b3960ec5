package dev.trollwatch.io.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.explain.Explanation;
import dev.trollwatch.model.explain.PathCondition;

/**
 * An {@link Explanation} as JSON, the same object in {@code predict --explain-format json} and in
 * {@code serve}'s answers: {@code path} (a list of {@code {feature, value, op, threshold}}),
 * {@code text}, {@code leaf} (its training {@code rows} per class, their {@code frequencies}, and
 * the class-weighted {@code probabilities}) and {@code contributions} (exact Shapley values of
 * the predicted class's probability: {@code base_value} plus the {@code values} of the features
 * the tree uses sum to it). A value that is not a number is written as null.
 */
public final class ExplanationJson {
    /** Said next to every probability, so no one thresholds one believing it is the other. */
    public static final String PROBABILITIES_NOTE = "probabilities are class-weighted (each training row counted with"
            + " its class weight, like scikit-learn's predict_proba); frequencies are the unweighted shares of the leaf's training rows";

    private ExplanationJson() {
    }

    public static ObjectNode of(Explanation e) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        ArrayNode path = out.putArray("path");
        for (PathCondition c : e.path()) {
            ObjectNode step = path.addObject();
            step.put("feature", c.featureName());
            number(step, "value", c.value());
            step.put("op", c.op());
            step.put("threshold", c.threshold());
        }
        out.put("text", e.pathText());
        ObjectNode leaf = out.putObject("leaf");
        leaf.put("index", e.leafIndex());
        leaf.put("class", e.predicted().text());
        ObjectNode rows = leaf.putObject("rows");
        ObjectNode freq = leaf.putObject("frequencies");
        ObjectNode probs = leaf.putObject("probabilities");
        double[] frequencies = e.support().frequencies();
        for (Label l : Label.values()) {
            rows.put(l.text(), e.support().rows(l));
            freq.put(l.text(), frequencies[l.ordinal()]);
            probs.put(l.text(), e.probabilities()[l.ordinal()]);
        }
        leaf.put("note", PROBABILITIES_NOTE);
        ObjectNode contributions = out.putObject("contributions");
        contributions.put("class", e.predicted().text());
        contributions.put("base_value", e.shapley().base(e.predicted()));
        ObjectNode values = contributions.putObject("values");
        double[] phi = e.contributions();
        for (int feature : e.shapley().features()) {
            values.put(FeatureSchema.NAMES.get(feature), phi[feature]);
        }
        contributions.put("probability", e.probabilities()[e.predicted().ordinal()]);
        return out;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
