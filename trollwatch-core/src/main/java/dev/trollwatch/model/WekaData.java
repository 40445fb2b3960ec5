package dev.trollwatch.model;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Feature rows as Weka sees them: 20 numeric attributes named as in {@link FeatureSchema},
 * then the nominal class {@code target} with values {@code bot, normal, troll} (Label order,
 * so Weka's class index equals {@link Label#ordinal()}).
 */
public final class WekaData {
    static {
        WekaEnvironment.configure(); // before any Weka class initialises: every way into Weka passes here
    }

    /** Name of the class attribute. */
    public static final String CLASS_ATTRIBUTE = "target";

    private WekaData() {
    }

    /** An empty dataset with the trollwatch header. */
    public static Instances header() {
        return emptyDataset(0);
    }

    private static Instances emptyDataset(int capacity) {
        ArrayList<Attribute> atts = new ArrayList<>(FeatureSchema.SIZE + 1);
        for (String name : FeatureSchema.NAMES) {
            atts.add(new Attribute(name));
        }
        List<String> classes = new ArrayList<>();
        for (Label l : Label.values()) {
            classes.add(l.text());
        }
        atts.add(new Attribute(CLASS_ATTRIBUTE, classes));
        Instances data = new Instances("trollwatch", atts, capacity);
        data.setClassIndex(FeatureSchema.SIZE);
        return data;
    }

    /** The rows as Weka instances, each weighted by its class's weight. Rows must be labelled. */
    public static Instances weighted(List<FeatureRow> rows, ClassWeights weights) {
        Instances data = emptyDataset(rows.size());
        for (FeatureRow r : rows) {
            data.add(instance(r, weights.of(r.label())));
        }
        return data;
    }

    /** One row as an instance with this weight (class missing when the row has no label). */
    public static Instance instance(FeatureRow row, double weight) {
        double[] v = new double[FeatureSchema.SIZE + 1];
        System.arraycopy(row.values(), 0, v, 0, FeatureSchema.SIZE);
        v[FeatureSchema.SIZE] = row.label() == null ? weka.core.Utils.missingValue() : row.label().ordinal();
        return new DenseInstance(weight, v);
    }

    /** True when {@code header} has exactly the trollwatch attributes (names, order, class values). */
    public static boolean isCompatible(Instances header) {
        return header != null && header.equalHeaders(header());
    }
}
