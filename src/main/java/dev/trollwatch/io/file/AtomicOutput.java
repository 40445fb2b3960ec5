package dev.trollwatch.io.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPOutputStream;

/**
 * An output file that appears at its destination only when complete. Bytes go to a temp file
 * beside the destination; {@link #commit()} moves it into place atomically; {@link #close()}
 * without a commit deletes the temp file, so a failure never leaves a truncated file behind.
 * A destination ending in {@code .gz} is gzip-compressed.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.create(path)) {
 *     write(out.stream());
 *     out.commit();
 * }
 * }</pre>
 */
public final class AtomicOutput implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final Path destination;
    private final Path temp;
    private final OutputStream raw;
    private final OutputStream stream;
    private boolean committed;
    private boolean closed;

    private AtomicOutput(Path destination, Path temp, OutputStream raw, OutputStream stream) {
        this.destination = destination;
        this.temp = temp;
        this.raw = raw;
        this.stream = stream;
    }

    /** Opens a temp file next to {@code destination} (its parent directories are created). */
    public static AtomicOutput create(Path destination) throws IOException {
        Path abs = destination.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        makeWorldReadable(temp);
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp), BUFFER);
        OutputStream stream = isGzip(destination) ? new GZIPOutputStream(raw, BUFFER) : raw;
        return new AtomicOutput(destination, temp, raw, stream);
    }

    /** Temp files are created 0600; a finished output should have the usual 0644. */
    private static void makeWorldReadable(Path temp) throws IOException {
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: keep the platform default.
        }
    }

    /** True when the file name ends in {@code .gz} (output is then compressed). */
    public static boolean isGzip(Path path) {
        return path.getFileName().toString().endsWith(".gz");
    }

    /** The stream to write to; do not close it yourself. */
    public OutputStream stream() {
        return stream;
    }

    public Path destination() {
        return destination;
    }

    /** Flushes, closes and moves the finished file into place, replacing any file there. */
    public void commit() throws IOException {
        if (closed) {
            throw new IllegalStateException("already closed");
        }
        stream.close();
        closed = true;
        try {
            Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Discards the temp file unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            if (!closed) {
                closed = true;
                raw.close();
            }
        } catch (IOException e) {
            // The file is being discarded; a close failure changes nothing.
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete temp file " + temp, e);
            }
        }
    }
}
