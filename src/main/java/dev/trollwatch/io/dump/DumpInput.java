package dev.trollwatch.io.dump;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The text of a dump: gzip is recognised by its magic bytes (not the file name) and inflated on the
 * fly; bytes are decoded as UTF-8. The first chunk is kept readable twice, so the format can be
 * detected from it before the reader consumes the stream from the start.
 */
final class DumpInput extends Reader {
    /** How much text format detection sees. */
    static final int PEEK_CHARS = 1 << 18;
    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final char[] head;
    private final int headLength;
    private int headPos;

    private DumpInput(Reader in, char[] head, int headLength) {
        this.in = in;
        this.head = head;
        this.headLength = headLength;
    }

    /** Wraps a raw byte stream (closing the result closes it). */
    static DumpInput open(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
        InputStream bytes = buffered;
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            bytes = new GZIPInputStream(buffered, BUFFER);
        }
        Reader reader = new InputStreamReader(bytes, StandardCharsets.UTF_8);
        char[] head = new char[PEEK_CHARS];
        int n = 0;
        while (n < head.length) {
            int r = reader.read(head, n, head.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return new DumpInput(reader, head, n);
    }

    /** The first {@link #PEEK_CHARS} characters (fewer for a short file). */
    String head() {
        return new String(head, 0, headLength);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (headPos < headLength) {
            int n = Math.min(len, headLength - headPos);
            System.arraycopy(head, headPos, cbuf, off, n);
            headPos += n;
            return n;
        }
        return in.read(cbuf, off, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
