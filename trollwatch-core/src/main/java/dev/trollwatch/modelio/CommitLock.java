package dev.trollwatch.modelio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the commit of a model set among processes (an exclusive lock on a lock file named after
 * the set's absolute path, in the temp directory, so the model directory stays clean) and among
 * threads of this JVM (file locks are per process). The lock file stays: deleting it would let a third
 * writer lock a new file while the second still holds the old one.
 */
final class CommitLock implements AutoCloseable {
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private CommitLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock of the model set at {@code base}. */
    static CommitLock acquire(Path base) throws IOException {
        String key = HexFormat.of().formatHex(sha256(base.toAbsolutePath().normalize().toString())).substring(0, 32);
        Path hidden = Path.of(System.getProperty("java.io.tmpdir"), "trollwatch-commit-" + key + ".lock");
        IN_PROCESS.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(hidden, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new CommitLock(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            IN_PROCESS.unlock();
            // an AccessDeniedException's message is the path alone: say what it means here
            String why = e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied (the lock file belongs to another user, who saved this model set before)"
                    : e.getMessage();
            throw new IOException(hidden + ": cannot lock the model set " + base + " for commit: " + why, e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
