package dev.trollwatch.report;

import java.util.Locale;

/**
 * A small SVG writer: shapes and text in user units, numbers with at most 2 decimals (so the
 * bytes are the same on every run), text escaped. The drawing shrinks to its container's width,
 * but not below {@link #MIN_SCALE} of its own: a narrower container scrolls it sideways instead.
 */
final class Svg {
    /** Below this scale the 11–12 px labels drop under 8 px and stop being readable. */
    static final double MIN_SCALE = 0.75;

    private final StringBuilder sb = new StringBuilder();

    /** {@code label} becomes the drawing's accessible name (role img). */
    Svg(double width, double height, String label) {
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" width=\"").append(n(width)).append("\" style=\"min-width:").append(n(Math.round(width * MIN_SCALE)))
                .append("px\" role=\"img\" aria-label=\"").append(Html.escape(label))
                .append("\">\n");
    }

    Svg rect(double x, double y, double w, double h, String fill, String extra) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(0, w)))
                .append("\" height=\"").append(n(Math.max(0, h))).append("\" fill=\"").append(fill).append('"');
        return close(extra);
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, String extra) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append('"');
        return close(extra);
    }

    Svg circle(double cx, double cy, double r, String fill, String extra) {
        sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append('"');
        return close(extra);
    }

    /** A polyline through (x[i], y[i]). */
    Svg polyline(double[] x, double[] y, String stroke, String extra) {
        sb.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" points=\"");
        for (int i = 0; i < x.length; i++) {
            sb.append(i == 0 ? "" : " ").append(n(x[i])).append(',').append(n(y[i]));
        }
        sb.append('"');
        return close(extra);
    }

    /** Text; {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String text, String anchor, String cssClass) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (!"start".equals(anchor)) {
            sb.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (cssClass != null) {
            sb.append(" class=\"").append(cssClass).append('"');
        }
        sb.append('>').append(Html.escape(text)).append("</text>\n");
        return this;
    }

    /** A hover title for the last group of shapes: wraps nothing, adds a {@code <title>} element. */
    private Svg close(String extra) {
        if (extra != null && !extra.isEmpty()) {
            sb.append(' ').append(extra);
        }
        sb.append("/>\n");
        return this;
    }

    String end() {
        return sb.append("</svg>\n").toString();
    }

    /** A coordinate: at most 2 decimals, no trailing zeros, never "-0". */
    static String n(double v) {
        double r = Math.round(v * 100) / 100.0;
        if (r == 0) {
            return "0";
        }
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        String s = String.format(Locale.ROOT, "%.2f", r);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
}
