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
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.min(Math.max(bytes.length, 16), 8192));
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isOverflow()) {
                out.clear(); // only validity is wanted, not the text
            } else {
                r = decoder.flush(out);
                if (r.isOverflow()) {
                    out.clear();
                    continue;
                }
                return -1;
            }
        }
    }
}
