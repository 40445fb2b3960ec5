package dev.trollwatch.io.field;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for a message held in memory (an HTTP body, a Kafka record). Jackson's own decoder
 * takes overlong forms ({@code C0 AF} for '/') and encoded surrogates, which a dump file's reader
 * refuses; checking first gives every input the same rule.
 */
public final class Utf8Bytes {
    private Utf8Bytes() {
    }

    /** The offset of the first byte that is not well-formed UTF-8, or -1 when all of them are. */
    public static int firstMalformed(byte[] bytes) {
        return firstMalformed(bytes, 0, bytes.length);
    }

    /**
     * As {@link #firstMalformed(byte[])} for {@code bytes[offset, offset + length)}; the result
     * counts from {@code offset}. Decoded in 8 Ki-character pieces and thrown away: only validity
     * is wanted, and a message may be most of a 64 MiB file.
     */
    public static int firstMalformed(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer piece = CharBuffer.allocate(Math.min(Math.max(length, 16), 8192));
        CoderResult r;
        do {
            piece.clear();
            r = decoder.decode(in, piece, true); // end of input: a cut sequence is malformed too
            if (r.isError()) {
                return in.position() - offset;
            }
        } while (r.isOverflow());
        return -1;
    }
}
