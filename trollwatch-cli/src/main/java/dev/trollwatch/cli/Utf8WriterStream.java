package dev.trollwatch.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes written through to a character writer, so that the byte-oriented table and dump
 * writers print on picocli's stdout writer (which the CLI opens as UTF-8: the bytes come out as
 * they went in). A character split across writes is held back until its last byte arrives.
 * Closing flushes but leaves the writer open: stdout outlives one command's output.
 */
final class Utf8WriterStream extends OutputStream {
    private final Writer out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13);
    private final CharBuffer chars = CharBuffer.allocate(1 << 13);
    private boolean closed;

    Utf8WriterStream(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (len > 0) {
            int n = Math.min(len, bytes.remaining());
            bytes.put(b, off, n);
            off += n;
            len -= n;
            decode(false);
        }
    }

    private void decode(boolean endOfInput) throws IOException {
        bytes.flip();
        while (decoder.decode(bytes, chars, endOfInput).isOverflow()) {
            drain();
        }
        drain();
        bytes.compact(); // keeps the first bytes of a character not yet complete
    }

    private void drain() throws IOException {
        chars.flip();
        try {
            out.write(chars.array(), chars.arrayOffset(), chars.remaining());
        } catch (UncheckedIOException e) {
            throw e.getCause(); // StdoutWriter's failure: the table writers stop on an IOException
        }
        chars.clear();
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        decode(true);
        decoder.flush(chars);
        drain();
        flush();
        closed = true;
    }
}
