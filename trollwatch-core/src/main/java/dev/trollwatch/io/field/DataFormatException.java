package dev.trollwatch.io.field;

import dev.trollwatch.TrollwatchException;

/**
 * Malformed input at a known place: {@code data.csv:1234: column recent_comments[3].score:
 * expected a number, got "abc"}. Shown to the user as-is (exit 1, no stack trace).
 */
public class DataFormatException extends TrollwatchException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final String column;

    /**
     * @param file     the input's display name
     * @param line     1-based line number (where the row starts), or 0 when not tied to a line
     * @param column   column or JSON path, or null for a row-level problem
     * @param expected what was expected
     * @param found    what was found (already quoted/described), or null
     */
    public DataFormatException(String file, long line, String column, String expected, String found) {
        super(location(file, line) + InvalidFieldException.describe(column, expected, found));
        this.line = line;
        this.column = column;
    }

    /** Places a field error at a file and line. */
    public DataFormatException(String file, long line, InvalidFieldException cause) {
        this(file, line, cause.column(), cause.expected(), cause.found());
    }

    private static String location(String file, long line) {
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }
}
