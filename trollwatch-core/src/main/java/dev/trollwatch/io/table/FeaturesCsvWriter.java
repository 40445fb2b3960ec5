package dev.trollwatch.io.table;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a features CSV (RFC 4180, UTF-8, LF line ends): header
 * {@code author,link_id,created_utc,<the 20 FeatureSchema names>,target}, then one line per
 * {@link FeatureRow}. Numbers (created_utc and the features) are plain decimals without an
 * exponent that parse back to the identical double: integral values without a fraction
 * ({@code 1}, {@code 0}, {@code 917}, {@code 1545170506}), others in the shortest form Java's
 * {@code Double.toString} round-trips ({@code 0.22754903731260923}). Booleans are therefore
 * {@code 1}/{@code 0}. A null text or created_utc, or a null label, is an empty field; an empty
 * text is {@code ""}. Text fields are quoted only when they contain a comma, quote, CR or LF.
 * See docs/features.md.
 */
public final class FeaturesCsvWriter implements AutoCloseable {
    /** The header's column names, in order. */
    public static final List<String> HEADER = header();

    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);
    private long rows;

    /** Writes the header at once; the stream is closed by {@link #close()}. */
    public FeaturesCsvWriter(OutputStream stream) throws IOException {
        this(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /** Writes the header at once; the writer is closed by {@link #close()}. */
    public FeaturesCsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write(String.join(",", HEADER));
        out.write('\n');
    }

    private static List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("author");
        h.add("link_id");
        h.add("created_utc");
        h.addAll(FeatureSchema.NAMES);
        h.add("target");
        return List.copyOf(h);
    }

    /** Appends one row. */
    public void write(FeatureRow row) throws IOException {
        StringBuilder sb = line;
        sb.setLength(0);
        appendText(sb, row.author());
        sb.append(',');
        appendText(sb, row.linkId());
        sb.append(',');
        if (!Double.isNaN(row.createdUtc())) {
            appendNumber(sb, row.createdUtc());
        }
        for (double v : row.values()) {
            sb.append(',');
            appendNumber(sb, v);
        }
        sb.append(',');
        if (row.label() != null) {
            sb.append(row.label().text());
        }
        sb.append('\n');
        out.append(sb);
        rows++;
    }

    /** Rows written so far (header not counted). */
    public long rows() {
        return rows;
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes and closes the underlying writer. */
    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The plain-decimal form of {@code v} used in features files (see the class comment). */
    public static String formatNumber(double v) {
        StringBuilder sb = new StringBuilder(24);
        appendNumber(sb, v);
        return sb.toString();
    }

    static void appendNumber(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            if (v == 0 && 1 / v < 0) {
                sb.append("-0");
            } else {
                sb.append((long) v);
            }
            return;
        }
        double abs = Math.abs(v);
        if ((abs >= 1e-3 && abs < 1e7) || Double.isNaN(v) || Double.isInfinite(v)) {
            sb.append(v);
        } else {
            sb.append(new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString());
        }
    }

    private static void appendText(StringBuilder sb, String s) {
        if (s == null) {
            return;
        }
        if (s.isEmpty()) {
            sb.append("\"\"");
            return;
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
