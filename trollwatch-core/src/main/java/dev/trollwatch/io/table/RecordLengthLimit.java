package dev.trollwatch.io.table;

import dev.trollwatch.TrollwatchException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;

/**
 * Fails a CSV whose record grows past a bound, before the parser buffers it: a features row is
 * about 400 characters, so a longer record is not one, and without a bound one huge quoted field
 * would fill the heap. Follows RFC 4180 quoting (a doubled quote toggles twice) to tell a record's
 * end from a line break inside a field. Counting lines, it is also where an invalid UTF-8 byte is
 * told with its line.
 */
final class RecordLengthLimit extends FilterReader {
    private final String file;
    private final long maxChars;
    private long chars;
    private long line = 1;
    private long recordLine = 1;
    private boolean quoted;

    RecordLengthLimit(Reader in, String file, long maxChars) {
        super(in);
        this.file = file;
        this.maxChars = maxChars;
    }

    @Override
    public int read() throws IOException {
        int c;
        try {
            c = super.read();
        } catch (CharacterCodingException e) {
            throw invalidText();
        }
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(buf, off, len);
        } catch (CharacterCodingException e) {
            throw invalidText();
        }
        for (int i = off; i < off + n; i++) {
            see(buf[i]);
        }
        return n;
    }

    /** Every character before the bad byte has passed through here, so {@link #line} is its line. */
    private TrollwatchException invalidText() {
        return new TrollwatchException(file + ":" + line
                + ": invalid UTF-8 (a corrupt file, or text in another encoding)");
    }

    private void see(char c) {
        if (c == '"') {
            quoted = !quoted;
        } else if (c == '\n') {
            line++;
            if (!quoted) {
                chars = 0;
                recordLine = line;
                return;
            }
        }
        if (++chars > maxChars) {
            throw new TrollwatchException(String.format(Locale.ROOT,
                    "%s:%d: a record longer than %,d characters; not a features CSV row", file, recordLine, maxChars));
        }
    }
}
