package dev.trollwatch.model;

import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A minimum a metric must reach, e.g. {@code recall of troll >= 0.7}; CI jobs fail the build on
 * it. {@code label} is null for overall metrics (accuracy, MCC, kappa).
 */
public record QualityGate(Metric metric, Label label, double minimum) {
    /** The metrics a gate can check. */
    public enum Metric {
        ACCURACY("accuracy", false),
        MCC("MCC", false),
        KAPPA("kappa", false),
        PRECISION("precision", true),
        RECALL("recall", true),
        F1("F1", true);

        private final String text;
        private final boolean perClass;

        Metric(String text, boolean perClass) {
            this.text = text;
            this.perClass = perClass;
        }

        public boolean perClass() {
            return perClass;
        }

        /** As reports write it: accuracy, MCC, kappa, precision, recall, F1. */
        public String text() {
            return text;
        }
    }

    public QualityGate {
        if (metric.perClass() != (label != null)) {
            throw new IllegalArgumentException(metric.text + (metric.perClass() ? " needs a class" : " takes no class"));
        }
        if (!Double.isFinite(minimum)) {
            throw new IllegalArgumentException("gate minimum must be a finite number");
        }
    }

    /**
     * Parses per-class gates: {@code troll=0.7} or {@code troll=0.7,bot=0.8}.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static List<QualityGate> parsePerClass(Metric metric, String spec) {
        List<QualityGate> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected CLASS=MIN (e.g. troll=0.7), got '" + p + "'");
            }
            Label l = Label.parse(p.substring(0, eq));
            if (l == null) {
                throw new IllegalArgumentException("unknown class '" + p.substring(0, eq).trim() + "' (expected bot, normal or troll)");
            }
            double v;
            try {
                v = Double.parseDouble(p.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("minimum for " + l + " is not a number: '" + p.substring(eq + 1).trim() + "'");
            }
            if (!(v >= 0 && v <= 1)) { // precision, recall and F1 are fractions: 0.7, not 70
                throw new IllegalArgumentException("minimum for " + l + " must be between 0 and 1 (a fraction), got " + v);
            }
            out.add(new QualityGate(metric, l, v));
        }
        return out;
    }

    /** The metric's value on {@code m}. */
    public double value(ConfusionMatrix m) {
        return switch (metric) {
            case ACCURACY -> m.accuracy();
            case MCC -> m.mcc();
            case KAPPA -> m.kappa();
            case PRECISION -> m.precision(label);
            case RECALL -> m.recall(label);
            case F1 -> m.f1(label);
        };
    }

    /** What the gate checks, e.g. {@code recall of troll} or {@code MCC}. */
    public String what() {
        return metric.perClass() ? metric.text + " of " + label.text() : metric.text;
    }

    /** Null when the gate passes, else a one-line reason. */
    public String check(ConfusionMatrix m) {
        double v = value(m);
        if (v >= minimum) {
            return null;
        }
        String unmeasurable = unmeasurable(m);
        if (unmeasurable != null) {
            return "quality gate failed: " + what() + " cannot be measured: " + unmeasurable;
        }
        return "quality gate failed: " + what() + " is " + shownBelow(v, minimum) + ", below the minimum "
                + Numbers.compact(minimum);
    }

    /**
     * The value to 4 decimals, or with as many more digits as it takes to read as less than the
     * minimum: "accuracy is 0.9467, below the minimum 0.946667" contradicted itself.
     */
    static String shownBelow(double value, double minimum) {
        String fixed = String.format(Locale.ROOT, "%.4f", value);
        if (Double.parseDouble(fixed) < minimum) {
            return fixed;
        }
        String compact = Numbers.compact(value);
        return Double.parseDouble(compact) < Double.parseDouble(Numbers.compact(minimum)) ? compact : Double.toString(value);
    }

    /**
     * Why a class's metric is 0/0 here (scikit-learn's zero_division=0 makes it 0.0): "recall of troll is
     * 0.0000" on data without a troll sent a CI job looking for a worse model, not at its data.
     * Null when the metric is measured.
     */
    public String unmeasurable(ConfusionMatrix m) {
        return switch (metric) {
            case RECALL, F1 -> m.support(label) == 0 ? "the data has no " + label.text() + " rows" : null;
            case PRECISION -> m.predicted(label) == 0 ? "the model predicted no row as " + label.text() : null;
            case MCC, KAPPA -> classesOf(m::support) <= 1 ? "the data has rows of one class only"
                    : metric == Metric.MCC && classesOf(m::predicted) <= 1 ? "the model predicted one class for every row" : null;
            case ACCURACY -> null;
        };
    }

    private static long classesOf(ToLongFunction<Label> rows) {
        return Arrays.stream(Label.values()).filter(l -> rows.applyAsLong(l) > 0).count();
    }

    /** The reasons of every failed gate, in the given order. */
    public static List<String> failures(List<QualityGate> gates, ConfusionMatrix m) {
        List<String> out = new ArrayList<>();
        for (QualityGate g : gates) {
            String f = g.check(m);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }
}
