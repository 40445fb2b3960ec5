package dev.trollwatch.report;

import dev.trollwatch.model.Numbers;
import java.util.Locale;

/** Escaping and number formatting shared by the report's HTML and SVG. */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (hidden(c)) {
                        // shown as its escape: a NUL is an HTML parse error, and a bidi override
                        // (U+202E) would make hostile text read backwards in a moderator's report
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Control characters other than tab and line breaks, and the bidirectional embeddings and overrides. */
    private static boolean hidden(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    /** A fixed number of decimals, Locale.ROOT. */
    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A fixed number of decimals with thousands separators, as counts have: {@code 1,304.6}. */
    static String grouped(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** A percentage with one decimal: {@code 12.3 %}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /** A count and its noun, singular for 1: {@code 1 leaf}, {@code 12,345 leaves} (as every summary line says it). */
    static String count(long v, String one, String many) {
        return Numbers.count(v, one, many);
    }

    /** A count with thousands separators: {@code 12,345}. */
    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
