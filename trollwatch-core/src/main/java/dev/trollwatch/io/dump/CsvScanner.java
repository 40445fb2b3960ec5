package dev.trollwatch.io.dump;

import dev.trollwatch.io.field.DataFormatException;
import dev.trollwatch.io.field.DumpStructureException;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A hand-written RFC 4180 record scanner over a large char buffer (faster than a general CSV library
 * on JSON-heavy fields). Quoted fields may hold commas, doubled quotes and line breaks; records end at
 * LF, CRLF or CR. An empty unquoted field reads as null, {@code ""} as the empty string.
 *
 * <p>With {@code backslashQuotes} (the 2019 dump after its README's {@code sed 's/""/\\"/g'}),
 * {@code \"} inside a quoted field is a quote too, and an unquoted field that is exactly {@code \"}
 * (what the sed made of an empty {@code ""}) is the empty string; any other backslash is literal.
 */
final class CsvScanner {
    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final String file;
    private final boolean backslashQuotes;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    private long recordLine;
    private String[] fields = new String[32];
    private int count;
    private char[] field = new char[1 << 13];
    private int flen;

    /** The longest record accepted, in characters (fields plus separators). */
    private final int maxRecordChars;
    /** Characters of the current record's completed fields. */
    private int recordChars;

    CsvScanner(Reader in, String file, boolean backslashQuotes, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
        this.file = file;
        this.backslashQuotes = backslashQuotes;
    }

    /**
     * Reads the next record, skipping blank lines; false at end of input. A malformed record throws a
     * {@link DataFormatException} after skipping to the end of its line (so a caller may go on);
     * a quote still open at end of input throws a {@link DumpStructureException}.
     */
    boolean next() throws IOException {
        while (true) {
            count = 0;
            recordChars = 0;
            if (!ensure()) {
                return false;
            }
            recordLine = line;
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                endOfLine(c);
                continue; // blank line
            }
            readRecord();
            return true;
        }
    }

    private void readRecord() throws IOException {
        while (true) {
            if (!ensure()) {
                add(null); // input ends right after a comma
                return;
            }
            if (buf[pos] == '"') {
                pos++;
                add(readQuoted());
            } else {
                add(readUnquoted());
            }
            if (!ensure()) {
                return;
            }
            char c = buf[pos];
            if (c == ',') {
                pos++;
            } else if (c == '\n' || c == '\r') {
                endOfLine(c);
                return;
            } else {
                long at = recordLine;
                int column = count;
                skipRestOfLine();
                throw new DataFormatException(file, at, null,
                        "',' or end of line after the closing quote of field " + column, "'" + c + "'");
            }
        }
    }

    private void endOfLine(char c) throws IOException {
        pos++;
        if (c == '\r' && ensure() && buf[pos] == '\n') {
            pos++;
        }
        line++;
    }

    private void skipRestOfLine() throws IOException {
        while (ensure()) {
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                endOfLine(c);
                return;
            }
            pos++;
        }
    }

    private String readUnquoted() throws IOException {
        int start = pos;
        int p = pos;
        while (p < limit) {
            char c = buf[p];
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            p++;
        }
        if (p < limit || eof) { // fast path: the whole field is in the buffer
            pos = p;
            if (p == start) {
                return null;
            }
            if (backslashQuotes && p - start == 2 && buf[start] == '\\' && buf[start + 1] == '"') {
                return "";
            }
            return new String(buf, start, p - start);
        }
        flen = 0;
        while (true) {
            start = pos;
            p = pos;
            while (p < limit) {
                char c = buf[p];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            append(start, p - start);
            pos = p;
            if (p < limit || !ensure()) {
                break;
            }
        }
        if (flen == 0) {
            return null;
        }
        if (backslashQuotes && flen == 2 && field[0] == '\\' && field[1] == '"') {
            return "";
        }
        return new String(field, 0, flen);
    }

    private String readQuoted() throws IOException {
        flen = 0;
        while (true) {
            int start = pos;
            int p = pos;
            char c = 0;
            while (p < limit) {
                c = buf[p];
                if (c == '"' || (c == '\\' && backslashQuotes)) {
                    break;
                }
                if (c == '\n') {
                    line++;
                }
                p++;
            }
            append(start, p - start);
            pos = p;
            if (p == limit) {
                if (!ensure()) {
                    throw new DumpStructureException(file, recordLine,
                            "a quoted field that starts on this line is never closed (truncated file?)");
                }
                continue;
            }
            pos++; // past the quote or backslash
            if (c == '"') {
                if (ensure() && buf[pos] == '"') {
                    appendChar('"');
                    pos++;
                    continue;
                }
                return new String(field, 0, flen);
            }
            // a backslash in backslashQuotes mode
            if (ensure() && buf[pos] == '"') {
                appendChar('"');
                pos++;
            } else {
                appendChar('\\');
            }
        }
    }

    /** Makes at least one char available at {@code pos}; false at end of input. */
    private boolean ensure() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        pos = 0;
        limit = 0;
        while (limit == 0) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit = n;
        }
        return true;
    }

    private void append(int start, int len) {
        if (len == 0) {
            return;
        }
        checkRecordLength(flen + len);
        if (flen + len > field.length) {
            field = Arrays.copyOf(field, Math.max(field.length * 2, flen + len));
        }
        System.arraycopy(buf, start, field, flen, len);
        flen += len;
    }

    private void appendChar(char c) {
        if (flen == field.length) {
            checkRecordLength(flen + 1);
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[flen++] = c;
    }

    /** A record (a quoted field above all) may not grow past the bound: a quote never closed must not fill the heap. */
    private void checkRecordLength(int fieldChars) {
        if ((long) recordChars + fieldChars > maxRecordChars) {
            throw new DumpStructureException(file, recordLine, "a record longer than " + maxRecordChars
                    + " characters (the maximum record size): an unclosed quote, or not a dump of comments");
        }
    }

    private void add(String value) {
        recordChars += (value == null ? 0 : value.length()) + 1;
        checkRecordLength(0);
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = value;
    }

    int count() {
        return count;
    }

    /** Field {@code i} of the current record: null for an empty unquoted field. */
    String field(int i) {
        return fields[i];
    }

    /** The line where the current record starts. */
    long recordLine() {
        return recordLine;
    }
}
