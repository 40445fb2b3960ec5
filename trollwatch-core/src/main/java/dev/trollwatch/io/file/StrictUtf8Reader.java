package dev.trollwatch.io.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text that stops at the first invalid byte, handing out every character before it first.
 * {@code InputStreamReader} with a reporting decoder drops the characters it decoded in the same call
 * as the bad byte, so the line a caller counts to would be wrong; here the error comes exactly where
 * the bad byte is.
 */
public final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    /** Bytes given to the decoder per call (see {@link #decodeWindows}). */
    private static final int WINDOW = 1 << 10;
    private boolean eof;
    /** The decoder was flushed: every character has been handed out. */
    private boolean done;
    private CharacterCodingException pending;

    public StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip(); // empty, ready to be read from
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (done) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (pending != null) {
                throw pending;
            }
            CoderResult r = decodeWindows(out);
            if (r.isError()) {
                pending = new MalformedInputException(r.length());
            } else if (r.isUnderflow()) {
                if (eof) {
                    CoderResult end = decoder.flush(out);
                    if (end.isError()) {
                        pending = new MalformedInputException(end.length());
                    } else {
                        done = true;
                        return out.position() == off ? -1 : out.position() - off;
                    }
                } else if (out.position() == off) {
                    refill();
                }
            }
            if (out.position() > off || r.isOverflow()) {
                break;
            }
        }
        return out.position() - off;
    }

    /**
     * Decodes like {@code decoder.decode(bytes, out, eof)}, in windows of {@link #WINDOW} bytes: the
     * JDK decoder converts an ASCII run in bulk only up to the first non-ASCII byte of a call and goes
     * byte by byte after it, and a dump has a non-ASCII character every few KB. Feeding it short
     * windows restarts the bulk path after each one; the characters and errors are the same.
     */
    private CoderResult decodeWindows(CharBuffer out) {
        if (eof) {
            return decoder.decode(bytes, out, true); // at most a cut sequence is left: nothing to split
        }
        int end = bytes.limit();
        try {
            while (true) {
                int window = Math.min(end, bytes.position() + WINDOW);
                bytes.limit(window);
                boolean last = window == end;
                CoderResult r = decoder.decode(bytes, out, false);
                if (last || !r.isUnderflow()) {
                    return r;
                }
                // underflow inside the window: at most a sequence cut at its end is left, go on
            }
        } finally {
            bytes.limit(end);
        }
    }

    private void refill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
