package dev.trollwatch.io.dump;

import dev.trollwatch.io.field.DumpStructureException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a line-oriented dump ({@code psql -A}, JSON Lines) with a bound on a line's length, so a
 * file without line breaks ({@code /dev/zero}, a corrupt gzip member) fails with its file and line
 * instead of filling the heap as {@code BufferedReader.readLine} would. Line ends are {@code \n},
 * {@code \r\n} or {@code \r}, as BufferedReader reads them.
 */
final class BoundedLineReader implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final String file;
    private final int maxChars;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int limit;
    private boolean skipLf;
    private long linesRead;

    BoundedLineReader(Reader in, String file, int maxChars) {
        this.in = in;
        this.file = file;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or null at the end of the input. */
    String readLine() throws IOException {
        StringBuilder longLine = null;
        while (true) {
            if (pos >= limit && !fill()) {
                if (longLine == null) {
                    return null;
                }
                linesRead++;
                return longLine.toString();
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            int i = pos;
            while (i < limit && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            int have = (longLine == null ? 0 : longLine.length()) + (i - start);
            if (have > maxChars) {
                throw new DumpStructureException(file, linesRead + 1, "a line longer than " + maxChars
                        + " characters (the maximum record size): not a dump of comments, or a corrupt one");
            }
            if (i < limit) {
                skipLf = buf[i] == '\r';
                pos = i + 1;
                linesRead++;
                if (longLine == null) {
                    return new String(buf, start, i - start);
                }
                return longLine.append(buf, start, i - start).toString();
            }
            if (longLine == null) {
                longLine = new StringBuilder(Math.max(256, 2 * (i - start)));
            }
            longLine.append(buf, start, i - start);
            pos = limit;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
