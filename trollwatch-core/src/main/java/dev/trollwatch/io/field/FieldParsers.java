package dev.trollwatch.io.field;

import com.fasterxml.jackson.core.io.NumberInput;

/**
 * Text → typed value for the column types of {@code reddit_comments}, shared by every reader.
 * Empty or null text is SQL NULL. Errors name the column and the offending text.
 */
public final class FieldParsers {
    private FieldParsers() {
    }

    /** Booleans: true/false/t/f/1/0 in any case (True/False from Python, t/f from PostgreSQL). */
    public static Boolean parseBoolean(String column, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Boolean b = booleanOrNull(text);
        if (b == null) {
            throw new InvalidFieldException(column, "a boolean (true/false/t/f/1/0)", InvalidFieldException.quote(text));
        }
        return b;
    }

    /** The boolean this text spells, or null if it is not a boolean spelling. */
    public static Boolean booleanOrNull(String text) {
        switch (text.length()) {
            case 1:
                char c = text.charAt(0);
                if (c == 't' || c == 'T' || c == '1') {
                    return Boolean.TRUE;
                }
                if (c == 'f' || c == 'F' || c == '0') {
                    return Boolean.FALSE;
                }
                return null;
            case 4:
                return text.equalsIgnoreCase("true") ? Boolean.TRUE : null;
            case 5:
                return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            default:
                return null;
        }
    }

    /**
     * Floats: a finite decimal number (exponent allowed); NaN (pandas' missing value) is null. A number
     * too large for a double ({@code 1e400}) is refused rather than read as infinity: no column of the
     * table can hold one, so it means a corrupt or hand-edited dump.
     */
    public static Double parseDouble(String column, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!looksNumeric(text)) {
            if (text.equals("NaN") || text.equalsIgnoreCase("nan")) {
                return null;
            }
            throw new InvalidFieldException(column, "a number", InvalidFieldException.quote(text));
        }
        double value;
        try {
            value = NumberInput.parseDouble(text, true);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(column, "a number", InvalidFieldException.quote(text));
        }
        if (Double.isInfinite(value)) {
            throw new InvalidFieldException(column, "a finite number", InvalidFieldException.quote(text)
                    + " (too large for a double)");
        }
        return value;
    }

    /** {@code gilded}: a count, or a boolean in dumps that stored it as one (true = 1). */
    public static Double parseGilded(String column, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!looksNumeric(text)) {
            Boolean b = booleanOrNull(text);
            if (b != null) {
                return b ? 1.0 : 0.0;
            }
        } else if (text.length() == 1) {
            return text.charAt(0) == '0' ? 0.0 : text.charAt(0) == '1' ? 1.0 : parseDouble(column, text);
        }
        return parseDouble(column, text);
    }

    /** True when the text is a plain decimal number: [sign] digits [. digits] [e [sign] digits]. */
    public static boolean looksNumeric(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
