package dev.trollwatch.io.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it, so that progress on a file (compressed or not) can be
 * reported as a fraction of its size. Safe to read the count from another thread.
 */
public final class ByteCountingInputStream extends FilterInputStream {
    private volatile long count;

    public ByteCountingInputStream(InputStream in) {
        super(in);
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** The share of a file of {@code size} bytes read so far (0..1), or -1 when the size is unknown (0: a FIFO). */
    public double fractionOf(long size) {
        return size <= 0 ? -1 : Math.min(1.0, (double) count / size);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        count += skipped;
        return skipped;
    }
}
