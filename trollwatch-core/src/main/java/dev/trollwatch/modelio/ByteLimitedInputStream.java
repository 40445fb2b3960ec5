package dev.trollwatch.modelio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that fails once more than a set number of bytes were read: a model file cannot inflate without bound. */
final class ByteLimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    ByteLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws ByteLimitExceededException {
        count += n;
        if (count > limit) {
            throw new ByteLimitExceededException("it holds more than " + limit
                    + " bytes once decompressed (the limit for a model file)");
        }
    }
}
