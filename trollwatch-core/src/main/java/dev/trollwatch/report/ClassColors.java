package dev.trollwatch.report;

import dev.trollwatch.features.Label;

/** One colour per class throughout the report (Okabe–Ito, distinguishable with colour blindness and in greyscale print). */
final class ClassColors {
    private ClassColors() {
    }

    static String of(Label l) {
        return switch (l) {
            case BOT -> "#0072b2";
            case NORMAL -> "#009e73";
            case TROLL -> "#d55e00";
        };
    }

    /** A light tint of the class colour, for node backgrounds. */
    static String tint(Label l) {
        return switch (l) {
            case BOT -> "#d6e8f5";
            case NORMAL -> "#d3f0e6";
            case TROLL -> "#f8dfcc";
        };
    }
}
