package dev.trollwatch.io.dump;

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
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean eof;
    /** The decoder was flushed: every character has been handed out. */
    private boolean done;
    private CharacterCodingException pending;

    StrictUtf8Reader(InputStream in) {
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
            CoderResult r = decoder.decode(bytes, out, eof);
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
