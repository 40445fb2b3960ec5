package dev.trollwatch.modelio;

import dev.trollwatch.io.file.RealPaths;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the commit of a model set among processes (an exclusive lock on {@code .BASE.lock} in
 * the set's own folder) and among threads of this JVM (file locks are per process). The folder is one
 * the writer may write anyway: a lock file in /tmp, named after the path, could be created first by
 * another user (who then kept everyone else from saving to that set), piled up there, and was a
 * different file for {@code L/m} and {@code R/m} when L links to R. The lock file stays: deleting it
 * would let a third writer lock a new file while the second still holds the old one.
 */
final class CommitLock implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommitLock.class);
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private CommitLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock of the model set at {@code base}, saying so when another process holds it. */
    static CommitLock acquire(Path base) throws IOException {
        Path real = RealPaths.of(base);
        Path lockFile = real.resolveSibling("." + real.getFileName() + ".lock");
        IN_PROCESS.lock();
        FileChannel channel = null;
        try {
            // no link followed: a planted link must not make us create or lock another file
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock held = channel.tryLock();
            if (held == null) {
                LOG.info("{}: another process is committing this model set; waiting for it", base);
                held = channel.lock();
            }
            return new CommitLock(channel, held);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            IN_PROCESS.unlock();
            // an AccessDeniedException's message is the path alone: say what it means here
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
            throw new IOException(lockFile + ": cannot lock the model set " + base + " for commit: " + why, e);
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
