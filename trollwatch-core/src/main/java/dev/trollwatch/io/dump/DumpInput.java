package dev.trollwatch.io.dump;

import dev.trollwatch.io.file.GzipMembersInputStream;
import dev.trollwatch.io.file.StrictUtf8Reader;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.zip.ZipException;

/**
 * The text of a dump: gzip is recognised by its magic bytes (not the file name) and inflated on the
 * fly; bytes are decoded as strict UTF-8. The first chunk is kept readable twice, so the format can be
 * detected from it before the reader consumes the stream from the start. A leading byte order mark
 * (which some Windows tools write) is dropped.
 *
 * <p>Bytes no database text can hold — invalid UTF-8, a NUL character — and gzip data that ends early
 * or is corrupt raise {@link CorruptTextException} with the line they are on: replacing them (as a
 * lenient decoder would) or stopping quietly would turn a corrupt file into plausible rows.
 */
final class DumpInput extends Reader {
    /** How much text format detection sees. */
    static final int PEEK_CHARS = 1 << 18;
    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final boolean gzip;
    private final char[] head;
    private final int headLength;
    /** 1 when the text starts with a byte order mark, which no reader should see as text. */
    private final int headStart;
    /** A problem met while filling the head, raised when reading reaches it. */
    private final IOException headProblem;
    private int headPos;
    /** Line breaks ('\n') handed out so far: where a problem found now is. */
    private long newlines;

    private DumpInput(Reader in, boolean gzip, char[] head, int headLength, IOException headProblem) {
        this.in = in;
        this.gzip = gzip;
        this.head = head;
        this.headLength = headLength;
        this.headProblem = headProblem;
        this.headStart = headLength > 0 && head[0] == '\uFEFF' ? 1 : 0;
        this.headPos = headStart;
    }

    /** Wraps a raw byte stream (closing the result closes it). */
    static DumpInput open(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
        InputStream bytes = buffered;
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        if (gzip) {
            try {
                bytes = new GzipMembersInputStream(buffered, BUFFER);
            } catch (EOFException | ZipException e) { // the gzip header itself is cut or corrupt
                throw new CorruptTextException(1, e instanceof EOFException
                        ? "the gzip data is truncated: it ends before its compressed data does"
                        : "corrupt gzip data (" + e.getMessage() + ")", e);
            }
        }
        Reader reader = new StrictUtf8Reader(bytes);
        char[] head = new char[PEEK_CHARS];
        int n = 0;
        IOException problem = null;
        try {
            while (n < head.length) {
                int r = reader.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (CharacterCodingException | EOFException | ZipException e) {
            problem = e; // detection looks at the good part; the reader meets the problem where it is
        }
        return new DumpInput(reader, gzip, head, n, problem);
    }

    /**
     * The first {@link #PEEK_CHARS} characters (fewer for a short file), up to any corrupt byte,
     * without a leading byte order mark.
     */
    String head() {
        return new String(head, headStart, headLength - headStart);
    }

    /** True when the whole text (not just its head) is blank: no format can be told from it. */
    boolean isBlank() {
        if (headLength == PEEK_CHARS || headProblem != null) {
            return false; // there is more, or a problem the reader is to report where it is
        }
        for (int i = headStart; i < headLength; i++) {
            if (!Character.isWhitespace(head[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n;
        if (headPos < headLength) {
            n = Math.min(len, headLength - headPos);
            System.arraycopy(head, headPos, cbuf, off, n);
            headPos += n;
        } else {
            if (headProblem != null) {
                throw corrupt(headProblem);
            }
            try {
                n = in.read(cbuf, off, len);
            } catch (CharacterCodingException | EOFException | ZipException e) {
                throw corrupt(e);
            }
        }
        if (n > 0) {
            check(cbuf, off, n);
        }
        return n;
    }

    /** Counts line breaks and refuses NUL characters in the chars about to be handed out. */
    private void check(char[] cbuf, int off, int n) throws CorruptTextException {
        for (int i = off, end = off + n; i < end; i++) {
            char c = cbuf[i];
            if (c <= '\n') {
                if (c == '\n') {
                    newlines++;
                } else if (c == 0) {
                    throw new CorruptTextException(newlines + 1,
                            "a NUL character: no database text holds one (a corrupt or binary file)", null);
                }
            }
        }
    }

    private CorruptTextException corrupt(IOException e) {
        long line = newlines + 1;
        if (e instanceof CharacterCodingException) {
            return new CorruptTextException(line, "invalid UTF-8 (a corrupt file, or text in another encoding)", e);
        }
        if (e instanceof EOFException) {
            return new CorruptTextException(line, (gzip ? "the gzip data is truncated" : "the file is truncated")
                    + ": it ends before its compressed data does", e);
        }
        return new CorruptTextException(line, "corrupt gzip data (" + e.getMessage() + ")", e);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
