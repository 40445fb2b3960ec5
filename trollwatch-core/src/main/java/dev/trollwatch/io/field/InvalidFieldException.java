package dev.trollwatch.io.field;

import dev.trollwatch.TrollwatchException;

/**
 * A value that does not fit its column, found where the file and line are not known (e.g. one JSON
 * object sent to the scoring server). Message: {@code column score: expected a number, got "abc"}.
 * Readers wrap it into a {@link DataFormatException} that adds file and line.
 */
public class InvalidFieldException extends TrollwatchException {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final String expected;
    private final String found;

    /**
     * @param column   the column or JSON path, e.g. {@code recent_comments[3].score}
     * @param expected what the column needs, e.g. {@code a number}; null when {@code found} says it all
     * @param found    the offending text as a readable snippet (see {@link #quote(String)}), or a description
     */
    public InvalidFieldException(String column, String expected, String found) {
        super(describe(column, expected, found));
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    public String column() {
        return column;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    static String describe(String column, String expected, String found) {
        StringBuilder sb = new StringBuilder();
        if (column != null) {
            sb.append("column ").append(column).append(": ");
        }
        if (expected == null) {
            sb.append(found);
        } else {
            sb.append("expected ").append(expected);
            if (found != null) {
                sb.append(", got ").append(found);
            }
        }
        return sb.toString();
    }

    /** A value in double quotes, shortened to 60 characters, for error messages. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String v = value.length() > 60 ? value.substring(0, 57) + "..." : value;
        return '"' + v + '"';
    }
}
