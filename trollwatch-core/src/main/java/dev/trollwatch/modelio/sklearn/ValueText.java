package dev.trollwatch.modelio.sklearn;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A pickle value as an error message quotes it, roughly as Python prints it, cut to
 * {@value #MAX_CHARS} characters and {@value #MAX_DEPTH} levels. A value from a hostile file can
 * be nested thousands of levels deep, contain itself, or share one list 80 times over (2^80
 * items when written out), so {@code toString} is never used on one.
 */
final class ValueText {
    static final int MAX_CHARS = 120;
    static final int MAX_DEPTH = 3;

    private final StringBuilder out = new StringBuilder();

    private ValueText() {
    }

    static String of(Object value) {
        ValueText t = new ValueText();
        t.append(value, 0);
        return t.out.length() > MAX_CHARS ? t.out.substring(0, MAX_CHARS) + "…" : t.out.toString();
    }

    private boolean full() {
        return out.length() > MAX_CHARS;
    }

    private void append(Object v, int depth) {
        if (full()) {
            return;
        }
        if (v == null) {
            out.append("None");
        } else if (v instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (v instanceof String s) {
            // only as much of a long string as can be shown
            out.append('\'').append(s, 0, Math.min(s.length(), MAX_CHARS + 1)).append('\'');
        } else if (v instanceof Number n) {
            out.append(n);
        } else if (v instanceof List<?> l) {
            items(l.iterator(), "[", "]", depth);
        } else if (v instanceof PyTuple t) {
            items(t.items().iterator(), "(", ")", depth);
        } else if (v instanceof Map<?, ?> m) {
            entries(m, depth);
        } else {
            out.append(PickleMachine.describe(v));
        }
    }

    private void items(Iterator<?> it, String open, String close, int depth) {
        if (depth >= MAX_DEPTH) {
            out.append(open).append(it.hasNext() ? "…" : "").append(close);
            return;
        }
        out.append(open);
        for (boolean first = true; it.hasNext() && !full(); first = false) {
            out.append(first ? "" : ", ");
            append(it.next(), depth + 1);
        }
        out.append(close);
    }

    private void entries(Map<?, ?> m, int depth) {
        if (depth >= MAX_DEPTH) {
            out.append(m.isEmpty() ? "{}" : "{…}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        for (boolean first = true; it.hasNext() && !full(); first = false) {
            Map.Entry<?, ?> e = it.next();
            out.append(first ? "" : ", ");
            append(e.getKey(), depth + 1);
            out.append(": ");
            append(e.getValue(), depth + 1);
        }
        out.append('}');
    }
}
