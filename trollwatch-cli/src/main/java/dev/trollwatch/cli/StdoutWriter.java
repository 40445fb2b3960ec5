package dev.trollwatch.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The results writer on standard output. A plain {@link PrintWriter} (and {@code System.out})
 * drops a failed write and carries on: {@code trollwatch features > f.csv} on a full disk left a
 * truncated file and exit 0, and {@code ... | head} computed every row for a closed pipe. Here the
 * first failure is kept and thrown, and every later write throws it again, so the command stops
 * at once and {@link Main} reports it (exit 1).
 */
final class StdoutWriter extends PrintWriter {
    private IOException failure;

    /** @param stdout the raw standard output, not {@code System.out} (which swallows errors too) */
    StdoutWriter(OutputStream stdout) {
        super(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
    }

    /** The first write or flush that failed, named "standard output"; null while none has. */
    IOException failure() {
        synchronized (lock) {
            return failure;
        }
    }

    @Override
    public boolean checkError() {
        return failure() != null;
    }

    @Override
    public void write(int c) {
        synchronized (lock) {
            requireHealthy();
            try {
                out.write(c);
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    @Override
    public void write(char[] buf, int off, int len) {
        synchronized (lock) {
            requireHealthy();
            try {
                out.write(buf, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    @Override
    public void write(String s, int off, int len) {
        synchronized (lock) {
            requireHealthy();
            try {
                out.write(s, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    /** A line ends with a flush, as the auto-flushing writer this replaces did. */
    @Override
    public void println() {
        synchronized (lock) {
            write(System.lineSeparator());
            flush();
        }
    }

    @Override
    public void flush() {
        synchronized (lock) {
            requireHealthy();
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    /** Flushes, but never closes the process's standard output. */
    @Override
    public void close() {
        flush();
    }

    /** A fresh exception each time: one that try-with-resources meets twice cannot suppress itself. */
    private void requireHealthy() {
        if (failure != null) {
            throw new UncheckedIOException(new IOException(failure.getMessage(), failure.getCause()));
        }
    }

    private UncheckedIOException failed(IOException e) {
        failure = new IOException("standard output: " + e.getMessage(), e);
        return new UncheckedIOException(failure);
    }
}
