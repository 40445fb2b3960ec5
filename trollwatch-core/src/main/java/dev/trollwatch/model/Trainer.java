package dev.trollwatch.model;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Label;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import weka.core.Instances;

/** Trains the depth-capped, class-weighted J48 on labelled rows and converts it to portable form. */
public final class Trainer {
    static {
        WekaEnvironment.configure(); // before any Weka class initialises: every way into Weka passes here
    }

    /** The trained classifier, its (empty) header and the same tree in portable form with leaf row counts. */
    public record Result(DepthCappedJ48 classifier, Instances header, DecisionTree tree) {
    }

    private Trainer() {
    }

    /**
     * @throws TrollwatchException when there are no rows or a class has none
     */
    public static Result train(List<FeatureRow> rows, LearnerParams params) {
        requireAllClasses(rows, "training");
        Instances data = WekaData.weighted(rows, params.weights());
        DepthCappedJ48 j48 = DepthCappedJ48.of(params);
        try {
            j48.buildClassifier(data);
        } catch (Exception e) {
            throw new IllegalStateException("J48 failed to train: " + e.getMessage(), e);
        }
        DecisionTree tree = WekaTreeConverter.convert(j48.root(), rows);
        return new Result(j48, new Instances(data, 0), tree);
    }

    /** Rows per class, in Label order. */
    public static Map<Label, Long> countByClass(List<FeatureRow> rows) {
        EnumMap<Label, Long> m = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            m.put(l, 0L);
        }
        for (FeatureRow r : rows) {
            m.merge(r.label(), 1L, Long::sum);
        }
        return m;
    }

    /** Fails with a clear message when {@code rows} is empty or lacks a class. */
    public static void requireAllClasses(List<FeatureRow> rows, String what) {
        if (rows.isEmpty()) {
            throw new TrollwatchException("the " + what + " set is empty: no labelled rows to learn from");
        }
        Map<Label, Long> counts = countByClass(rows);
        for (Label l : Label.values()) {
            if (counts.get(l) == 0) {
                throw new TrollwatchException("class '" + l + "' is missing from the " + what + " set (rows per class: "
                        + counts + "); the model needs examples of bot, normal and troll");
            }
        }
    }
}
