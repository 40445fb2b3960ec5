package dev.trollwatch.io.file;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * gzip data of one or more members ({@code cat a.gz b.gz}), inflated, with every byte accounted for.
 * The JDK's {@code GZIPInputStream} ends quietly when what follows a member is not a whole gzip
 * header: a later member cut to its first 15 bytes, or bytes appended to the file, and the rows in
 * them were lost without a word. Here a member must be followed by the end of the data, by another
 * whole member, or by zero bytes only (the padding of tape blocks, which gzip itself ignores).
 *
 * <p>Errors: {@link EOFException} when the data ends inside a member (header, compressed data or
 * trailer), {@link ZipException} for corrupt data (a bad header, a CRC or length that does not
 * match, bytes after the last member).
 */
public final class GzipMembersInputStream extends InputStream {
    private static final int MAGIC_1 = 0x1f;
    private static final int MAGIC_2 = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FLAG_HEADER_CRC = 2;
    private static final int FLAG_EXTRA = 4;
    private static final int FLAG_NAME = 8;
    private static final int FLAG_COMMENT = 16;
    /** Flag bits RFC 1952 reserves: gzip -t refuses a header with any of them set. */
    private static final int FLAGS_RESERVED = 0xe0;

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;
    private final Inflater inflater = new Inflater(true); // raw deflate: the gzip framing is read here
    private final CRC32 crc = new CRC32();
    /** The CRC of the member header being read, for its optional FHCRC field. */
    private final CRC32 headerCrc = new CRC32();
    private final byte[] single = new byte[1];
    private long memberLength;
    private boolean ended;

    /** Reads the first member's header now, so that data that is not gzip fails at once. */
    public GzipMembersInputStream(InputStream in, int bufferSize) throws IOException {
        this.in = in;
        this.buffer = new byte[bufferSize];
        try {
            int first = nextByte();
            if (first < 0) {
                throw new EOFException("no gzip header: the data is empty");
            }
            readHeader(first, true);
        } catch (IOException | RuntimeException e) {
            inflater.end();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("invalid deflate data: " + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberLength += n;
                return n;
            }
            if (inflater.finished()) {
                position = limit - inflater.getRemaining(); // the bytes the member did not use are ours again
                readTrailer();
                ended = !nextMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("invalid deflate data: it asks for a preset dictionary");
            } else if (inflater.needsInput()) {
                if (!fill()) {
                    throw new EOFException("the gzip data ends inside its compressed data");
                }
                inflater.setInput(buffer, 0, limit);
                position = limit;
            }
        }
        return -1;
    }

    @Override
    public int available() {
        return ended ? 0 : 1; // more may come; only a read can tell how much
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    /** After a member: true when another one starts, false at the end of the data. */
    private boolean nextMember() throws IOException {
        int b = nextByte();
        if (b < 0) {
            return false;
        }
        if (b == 0) {
            while ((b = nextByte()) == 0) {
                // zero padding up to a block boundary
            }
            if (b < 0) {
                return false;
            }
            throw new ZipException("bytes after the end of the gzip data (after zero padding): a damaged or appended file");
        }
        if (b != MAGIC_1) {
            throw new ZipException("bytes after the end of the gzip data: a damaged or appended file");
        }
        readHeader(b, false);
        return true;
    }

    private void readHeader(int first, boolean firstMember) throws IOException {
        headerCrc.reset();
        headerCrc.update(first);
        if (first != MAGIC_1 || headerByte() != MAGIC_2) {
            throw new ZipException(firstMember ? "not in gzip format"
                    : "bytes after the end of the gzip data: a damaged or appended file");
        }
        if (headerByte() != DEFLATE) {
            throw new ZipException("unsupported gzip compression method");
        }
        int flags = headerByte();
        if ((flags & FLAGS_RESERVED) != 0) {
            throw new ZipException("corrupt gzip header: reserved flag bits are set");
        }
        for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
            headerByte();
        }
        if ((flags & FLAG_EXTRA) != 0) {
            int length = headerByte() | headerByte() << 8;
            for (int i = 0; i < length; i++) {
                headerByte();
            }
        }
        if ((flags & FLAG_NAME) != 0) {
            while (headerByte() != 0) {
                // the original file name, zero-terminated
            }
        }
        if ((flags & FLAG_COMMENT) != 0) {
            while (headerByte() != 0) {
                // a comment, zero-terminated
            }
        }
        if ((flags & FLAG_HEADER_CRC) != 0) {
            int expected = (int) (headerCrc.getValue() & 0xffff);
            int stored = headerByte() | headerByte() << 8;
            if (stored != expected) {
                throw new ZipException("corrupt gzip header: its CRC does not match the header");
            }
        }
        inflater.reset();
        crc.reset();
        memberLength = 0;
        if (position < limit) {
            inflater.setInput(buffer, position, limit - position);
            position = limit;
        }
    }

    private void readTrailer() throws IOException {
        long storedCrc = trailerWord();
        long storedLength = trailerWord();
        if (storedCrc != crc.getValue()) {
            throw new ZipException("corrupt gzip data: the CRC does not match the data");
        }
        if (storedLength != (memberLength & 0xffffffffL)) {
            throw new ZipException("corrupt gzip data: the stored length does not match the data");
        }
    }

    private long trailerWord() throws IOException {
        long word = 0;
        for (int i = 0; i < 4; i++) {
            int b = nextByte();
            if (b < 0) {
                throw new EOFException("the gzip data ends inside a member's trailer");
            }
            word |= (long) b << (8 * i);
        }
        return word;
    }

    private int headerByte() throws IOException {
        int b = nextByte();
        if (b < 0) {
            throw new EOFException("the gzip data ends inside a member's header");
        }
        headerCrc.update(b);
        return b;
    }

    private int nextByte() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
