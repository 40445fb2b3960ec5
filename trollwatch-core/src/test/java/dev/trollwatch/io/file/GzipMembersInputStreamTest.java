package dev.trollwatch.io.file;

import static dev.trollwatch.io.file.GzipBytes.concat;
import static dev.trollwatch.io.file.GzipBytes.gzip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/**
 * Every byte of gzip data accounted for: the JDK's GZIPInputStream ended quietly on a later member
 * cut short or on appended bytes, and the rows in them were lost (found by probing).
 */
class GzipMembersInputStreamTest {
    private static final byte[] FIRST = text("author,body\na,first member\n");
    private static final byte[] SECOND = text("b,second member\nc,more\n");

    @Test
    void oneOrSeveralMembersInflateToTheirConcatenation() throws IOException {
        assertArrayEquals(FIRST, inflate(gzip(FIRST)));
        assertArrayEquals(concat(FIRST, SECOND, FIRST), inflate(concat(gzip(FIRST), gzip(SECOND), gzip(FIRST))));
        byte[] large = new byte[3_000_000];
        new Random(7).nextBytes(large);
        assertArrayEquals(concat(large, SECOND), inflate(concat(gzip(large), gzip(SECOND))));
    }

    @Test
    void theSameBytesAsTheJdkReaderOnWholeData() throws IOException {
        byte[] data = concat(gzip(FIRST), gzip(SECOND));
        try (InputStream jdk = new GZIPInputStream(new ByteArrayInputStream(data))) {
            assertArrayEquals(jdk.readAllBytes(), inflate(data));
        }
    }

    @Test
    void aLaterMemberCutShortIsTruncatedDataNotTheEnd() {
        byte[] second = gzip(SECOND);
        for (int keep : new int[] {1, 2, 9, 10, 15, second.length - 8, second.length - 1}) {
            byte[] data = concat(gzip(FIRST), Arrays.copyOf(second, keep));
            assertThrows(EOFException.class, () -> inflate(data), "kept " + keep + " bytes of the second member");
        }
    }

    @Test
    void bytesAfterTheLastMemberAreAnError() {
        ZipException garbage = assertThrows(ZipException.class, () -> inflate(concat(gzip(FIRST), text("garbage"))));
        assertTrue(garbage.getMessage().startsWith("bytes after the end of the gzip data"), garbage.getMessage());
        assertThrows(ZipException.class, () -> inflate(concat(gzip(FIRST), new byte[] {0x1f, 0x00, 0x01})));
        assertThrows(ZipException.class, () -> inflate(concat(gzip(FIRST), new byte[16], text("x"))));
    }

    @Test
    void zeroPaddingAfterTheLastMemberIsIgnoredAsGzipDoes() throws IOException {
        assertArrayEquals(FIRST, inflate(concat(gzip(FIRST), new byte[512])));
    }

    @Test
    void aCorruptTrailerIsAnError() {
        byte[] data = gzip(FIRST);
        data[data.length - 8] ^= 1; // the CRC
        assertTrue(assertThrows(ZipException.class, () -> inflate(data)).getMessage().contains("CRC"));
        byte[] length = gzip(FIRST);
        length[length.length - 1] ^= 1;
        assertTrue(assertThrows(ZipException.class, () -> inflate(length)).getMessage().contains("length"));
    }

    @Test
    void headerFieldsAreSkipped() throws IOException {
        byte[] plain = gzip(FIRST);
        // FEXTRA (3 bytes), FNAME "f.csv", FCOMMENT "c", FHCRC: flags 4 | 8 | 16 | 2
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(new byte[] {0x1f, (byte) 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3});
        header.write(new byte[] {3, 0, 'x', 'y', 'z'});
        header.writeBytes(text("f.csv\0c\0"));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(header.toByteArray());
        int headerCrc = (int) (crc.getValue() & 0xffff);
        byte[] upToCrc = header.toByteArray();
        header.write(new byte[] {(byte) headerCrc, (byte) (headerCrc >>> 8)});
        header.write(plain, 10, plain.length - 10);
        assertArrayEquals(FIRST, inflate(header.toByteArray()));

        // as gzip -t does: a header CRC that does not match, or reserved flag bits, are corrupt data
        ByteArrayOutputStream badCrc = new ByteArrayOutputStream();
        badCrc.writeBytes(upToCrc);
        badCrc.write(new byte[] {(byte) (headerCrc ^ 1), (byte) (headerCrc >>> 8)});
        badCrc.write(plain, 10, plain.length - 10);
        assertEquals("corrupt gzip header: its CRC does not match the header",
                assertThrows(ZipException.class, () -> inflate(badCrc.toByteArray())).getMessage());
        byte[] reserved = plain.clone();
        reserved[3] = (byte) 0x20;
        assertEquals("corrupt gzip header: reserved flag bits are set",
                assertThrows(ZipException.class, () -> inflate(reserved)).getMessage());
    }

    @Test
    void notGzipOrEmptyFailsAtOnce() {
        assertEquals("not in gzip format",
                assertThrows(ZipException.class, () -> new GzipMembersInputStream(new ByteArrayInputStream(text("plain")), 64))
                        .getMessage());
        assertThrows(EOFException.class, () -> new GzipMembersInputStream(new ByteArrayInputStream(new byte[0]), 64));
        assertThrows(EOFException.class, () -> inflate(Arrays.copyOf(gzip(FIRST), 12)));
    }

    private static byte[] inflate(byte[] data) throws IOException {
        // a small buffer, so that members and trailers straddle refills
        try (InputStream in = new GzipMembersInputStream(new ByteArrayInputStream(data), 7)) {
            return in.readAllBytes();
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
