package dev.trollwatch.io.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The reader decodes in windows (and its caller reads in chunks of any size); whatever the split,
 * it must hand out exactly what the JDK's strict decoder makes of the whole input in one call, and
 * fail exactly where that decoder stops.
 */
class StrictUtf8ReaderTest {
    /** Valid sequences of 1 to 4 bytes, and bytes or cut sequences that are not UTF-8. */
    private static final String[] VALID = {"a", "\n", "é", "€", "\uD83D\uDE00", "ß", "z"};
    private static final byte[][] INVALID = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

    @Property(tries = 200)
    void handsOutWhatTheJdkDecoderMakesOfTheWholeInput(@ForAll @IntRange(min = 0, max = 300_000) int length,
            @ForAll long seed, @ForAll boolean corrupt) throws IOException {
        Random random = new Random(seed);
        byte[] bytes = text(random, length, corrupt);
        Expected expected = reference(bytes);
        StringBuilder got = new StringBuilder();
        StrictUtf8Reader reader = new StrictUtf8Reader(new ChoppyStream(bytes, random));
        CharacterCodingException error = null;
        char[] buf = new char[70_000];
        try {
            for (int n; (n = reader.read(buf, 0, 1 + random.nextInt(buf.length))) >= 0; ) {
                got.append(buf, 0, n);
            }
        } catch (CharacterCodingException e) {
            error = e;
        }
        assertEquals(expected.text.length(), got.length());
        assertEquals(expected.text, got.toString());
        assertEquals(expected.valid, error == null);
    }

    @Test
    void aSequenceCutByTheEndOfTheInputIsAnError() throws IOException {
        byte[] bytes = new byte[5000];
        java.util.Arrays.fill(bytes, (byte) 'a');
        bytes[bytes.length - 2] = (byte) 0xE2;
        bytes[bytes.length - 1] = (byte) 0x82;
        StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes));
        char[] buf = new char[10_000];
        assertEquals(bytes.length - 2, reader.read(buf, 0, buf.length));
        assertThrows(CharacterCodingException.class, () -> reader.read(buf, 0, buf.length));
    }

    private static byte[] text(Random random, int length, boolean corrupt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 8);
        // long ASCII runs with a few non-ASCII characters, as in a dump, or dense multi-byte text
        int nonAscii = random.nextBoolean() ? 2000 : 3;
        while (out.size() < length) {
            String s = random.nextInt(nonAscii) == 0 ? VALID[random.nextInt(VALID.length)] : "x";
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = out.toByteArray();
        if (!corrupt || bytes.length == 0) {
            return bytes;
        }
        byte[] bad = INVALID[random.nextInt(INVALID.length)];
        int at = random.nextInt(bytes.length);
        if (random.nextBoolean()) {
            at = Math.min(bytes.length - 1, (1 + random.nextInt(Math.max(1, bytes.length >> 10))) * 1024 - random.nextInt(4));
        }
        ByteArrayOutputStream withBad = new ByteArrayOutputStream(bytes.length + bad.length);
        withBad.write(bytes, 0, at);
        withBad.writeBytes(bad);
        withBad.write(bytes, at, bytes.length - at);
        return withBad.toByteArray();
    }

    private record Expected(String text, boolean valid) {
    }

    /** The JDK decoder on the whole input at once: the characters before the first error. */
    private static Expected reference(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(ByteBuffer.wrap(bytes), out, true);
        boolean valid = !r.isError() && !decoder.flush(out).isError();
        out.flip();
        return new Expected(out.toString(), valid);
    }

    /** A stream that hands out its bytes in reads of random sizes, as a pipe or gzip may. */
    private static final class ChoppyStream extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int pos;

        ChoppyStream(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, bytes.length - pos), 1 + random.nextInt(random.nextBoolean() ? 7 : 40_000));
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
