package dev.trollwatch.io.dump;

import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;

/**
 * An unsynchronised char buffer in front of a Writer, for commons-csv: it writes a quoted field in
 * short segments (one per doubled quote), and {@code Writer.append(CharSequence, int, int)} both locks
 * and copies a substring per call, which dominated export time on JSON-heavy rows.
 */
final class CharBufferAppendable implements Appendable, Flushable {
    private final Writer out;
    private final char[] buf;
    private int pos;

    CharBufferAppendable(Writer out, int size) {
        this.out = out;
        this.buf = new char[size];
    }

    @Override
    public Appendable append(CharSequence csq) throws IOException {
        return append(csq, 0, csq.length());
    }

    @Override
    public Appendable append(CharSequence csq, int start, int end) throws IOException {
        if (csq instanceof String s) {
            while (start < end) {
                if (pos == buf.length) {
                    drain();
                }
                int n = Math.min(end - start, buf.length - pos);
                s.getChars(start, start + n, buf, pos);
                pos += n;
                start += n;
            }
        } else {
            for (int i = start; i < end; i++) {
                append(csq.charAt(i));
            }
        }
        return this;
    }

    @Override
    public Appendable append(char c) throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = c;
        return this;
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    /** Writes the buffered chars and flushes the writer. */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }
}
