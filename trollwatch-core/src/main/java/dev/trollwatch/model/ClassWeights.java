package dev.trollwatch.model;

import dev.trollwatch.features.Label;
import java.util.EnumMap;
import java.util.List;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

/**
 * Instance weight per class used when training (the article's {@code class_weight}). Evaluation
 * never uses them: test rows count once each.
 */
public record ClassWeights(double bot, double normal, double troll) {
    /** The article's weights as {@link #parse} reads them. */
    public static final String DEFAULT_SPEC = "normal=1,bot=2.5,troll=5";
    /** The article's weights: normal=1, bot=2.5, troll=5. */
    public static final ClassWeights DEFAULT = new ClassWeights(2.5, 1, 5);
    /**
     * The range of a weight. Only ratios matter; the bounds keep the learner's weighted sums finite
     * (normal=1e308 overflowed them to infinity, and the NaN probabilities that followed hung the
     * evaluation).
     */
    public static final double MIN = 1e-9;
    public static final double MAX = 1e9;

    public ClassWeights {
        for (double w : new double[] {bot, normal, troll}) {
            if (!inRange(w)) {
                throw new IllegalArgumentException("class weights must be between " + MIN + " and " + MAX + ", got " + w);
            }
        }
    }

    private static boolean inRange(double w) {
        return w >= MIN && w <= MAX; // false for NaN
    }

    /** The weight of rows of this class. */
    public double of(Label label) {
        return switch (label) {
            case BOT -> bot;
            case NORMAL -> normal;
            case TROLL -> troll;
        };
    }

    /**
     * Parses {@code normal=1,bot=2.5,troll=5}. Every class must be given: a class left out would
     * silently weigh 1, which is rarely what someone who wrote the others meant.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static ClassWeights parse(String text) {
        EnumMap<Label, Double> w = new EnumMap<>(Label.class);
        EnumSet<Label> given = EnumSet.noneOf(Label.class);
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected CLASS=WEIGHT, got '" + p + "'");
            }
            Label label = Label.parse(p.substring(0, eq));
            if (label == null) {
                throw new IllegalArgumentException("unknown class '" + p.substring(0, eq).trim()
                        + "' (expected bot, normal or troll)");
            }
            double v;
            try {
                v = Double.parseDouble(p.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of " + label + " is not a number: '" + p.substring(eq + 1).trim() + "'");
            }
            if (!inRange(v)) {
                throw new IllegalArgumentException("weight of " + label + " must be between " + MIN + " and " + MAX
                        + " (only ratios matter), got " + p.substring(eq + 1).trim());
            }
            if (!given.add(label)) {
                throw new IllegalArgumentException("the weight of " + label + " is given twice");
            }
            w.put(label, v);
        }
        List<String> missing = new ArrayList<>();
        for (Label l : Label.values()) {
            if (!given.contains(l)) {
                missing.add(l.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("give a weight for every class; missing " + String.join(", ", missing)
                    + " (e.g. normal=1,bot=2.5,troll=5)");
        }
        double smallest = w.values().stream().min(Double::compare).orElseThrow();
        double largest = w.values().stream().max(Double::compare).orElseThrow();
        if (largest / smallest > MAX) { // training rescales the smallest to 1: the largest must stay in range
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the largest weight may be at most %s times"
                    + " the smallest (only ratios matter), got %s and %s", Numbers.compact(MAX), Numbers.compact(largest),
                    Numbers.compact(smallest)));
        }
        return new ClassWeights(w.get(Label.BOT), w.get(Label.NORMAL), w.get(Label.TROLL));
    }

    /**
     * The same ratios with the smallest weight 1. J48 counts its minimum per branch (2) in summed
     * weight, so weights of 1e-3 left no split possible (one leaf), though only ratios should matter.
     */
    public ClassWeights smallestOne() {
        double smallest = Math.min(bot, Math.min(normal, troll));
        return smallest == 1 ? this : new ClassWeights(bot / smallest, normal / smallest, troll / smallest);
    }

    /** As a map in {@link Label} order. */
    public Map<Label, Double> asMap() {
        EnumMap<Label, Double> m = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            m.put(l, of(l));
        }
        return m;
    }

    /** Canonical text, e.g. {@code bot=2.5,normal=1,troll=5}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Label l : Label.values()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            double v = of(l);
            sb.append(l.text()).append('=').append(v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v));
        }
        return sb.toString();
    }
}
