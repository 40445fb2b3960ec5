package dev.trollwatch.report;

import java.util.Locale;

/**
 * An sRGB colour, with the WCAG 2 relative luminance and contrast ratio the report's colours are
 * chosen by: text at least 4.5:1 against what it sits on, bars and lines at least 3:1 against white.
 */
record Rgb(int r, int g, int b) {
    static final Rgb WHITE = new Rgb(255, 255, 255);
    static final Rgb BLACK = new Rgb(0, 0, 0);

    /** {@code #rrggbb}. */
    static Rgb parse(String hex) {
        return new Rgb(Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
                Integer.parseInt(hex.substring(5, 7), 16));
    }

    String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** This colour moved {@code share} (0–1) of the way to black. */
    Rgb darker(double share) {
        return new Rgb((int) Math.round(r * (1 - share)), (int) Math.round(g * (1 - share)), (int) Math.round(b * (1 - share)));
    }

    /** WCAG 2 relative luminance, 0 (black) to 1 (white). */
    double luminance() {
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    double contrast(Rgb other) {
        double a = luminance();
        double b2 = other.luminance();
        return (Math.max(a, b2) + 0.05) / (Math.min(a, b2) + 0.05);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
