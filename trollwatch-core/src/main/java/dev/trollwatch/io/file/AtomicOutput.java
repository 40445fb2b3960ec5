package dev.trollwatch.io.file;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An output file that appears at its destination only when complete. Bytes go to a temp file
 * beside the destination; {@link #commit()} moves it into place atomically; {@link #close()}
 * without a commit deletes the temp file, so a failure never leaves a truncated file behind.
 * A destination ending in {@code .gz} is gzip-compressed.
 *
 * <p>Special destinations — a device ({@code /dev/null}), a FIFO, a socket, anything that exists and
 * is not a regular file, and the process's own descriptors ({@code /dev/stdout}, {@code /dev/fd/1})
 * — are written in place and never replaced: renaming over {@code /dev/null} as root would turn the
 * device into a file. A regular file is replaced atomically wherever it is ({@code /dev/shm}
 * included). A symbolic link to a regular file is kept: its target, found as the kernel finds it,
 * is replaced. A new file gets the usual mode (0666 less the umask), a replaced one keeps its
 * mode, and a file its owner made read-only is refused, as the shell's {@code >} refuses it.
 *
 * <p>Temp files are named {@code .NAME.PID.RANDOM.tmp}. They are deleted when the JVM exits on a
 * signal (SIGINT, SIGTERM) before commit, and a later output to the same place deletes those that a
 * killed process (kill -9, power loss) left behind, recognised by their process id no longer running
 * and an hour without a write (a pid of another PID namespace looks dead here).
 * Every I/O error names the destination.
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
    private static final long PID = ProcessHandle.current().pid();
    /** Temp files not yet committed or discarded: deleted by the shutdown hook if the JVM is stopped. */
    private static final Set<Path> LIVE_TEMPS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicOutput::deleteLiveTemps, "trollwatch-temp-cleanup"));
    }

    private final Path destination;
    /** Where the bytes go before commit, or null when the destination is written in place. */
    private final Path temp;
    private final OutputStream raw;
    private final OutputStream stream;
    private boolean committed;
    private boolean closed;

    private AtomicOutput(Path destination, Path temp, OutputStream raw, boolean gzip) throws IOException {
        this.destination = destination;
        this.temp = temp;
        this.raw = raw;
        OutputStream s = gzip ? new FastGzipOutputStream(raw) : raw;
        this.stream = new NamingOutputStream(s, destination);
    }

    /** Opens a temp file next to {@code destination} (its parent directories are created). */
    public static AtomicOutput create(Path destination) throws IOException {
        refuseDirectory(destination);
        boolean gzip = isGzip(destination); // the name given decides, not the name of a link's target
        Path descriptor = ownDescriptor(destination);
        if (descriptor != null) {
            refuseClosedStream(destination, descriptor);
        }
        RuntimeFiles.refuse(destination); // whatever path leads there: /dev/fd/3, a link to /dev/stdout
        if (descriptor != null || isSpecial(destination)) {
            return new AtomicOutput(destination, null, new BufferedOutputStream(openInPlace(destination, descriptor),
                    BUFFER), gzip);
        }
        // a link is written through to where it points, as the kernel resolves it, a dangling one too
        Path target = Files.isSymbolicLink(destination) ? RealPaths.of(destination) : destination.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(target) && !Files.isWritable(target)) {
                throw new AccessDeniedException(target.toString(), null, "the file is read-only");
            }
            String name = TempNames.shortened(target.getFileName().toString());
            deleteStaleTemps(dir, name);
            Path temp = createTemp(dir, name, target);
            return new AtomicOutput(target, temp, new BufferedOutputStream(Files.newOutputStream(temp), BUFFER), gzip);
        } catch (IOException e) {
            throw named(destination, e);
        }
    }

    /** The first of the process's own descriptors a path leads to, links followed ({@code out -> /dev/stdout}), or null. */
    private static Path ownDescriptor(Path destination) {
        for (Path hop : RealPaths.chain(destination)) {
            if (StandardStreams.isOwnDescriptor(hop)) {
                return hop;
            }
        }
        return null;
    }

    /**
     * Stdout and stderr are written through the descriptors the shell handed over, sharing their
     * offset: reopening {@code /dev/stdout} (in append mode) let a later write of the shell's to the
     * same file land over the output. Not closed: the command's report goes there afterwards.
     */
    private static OutputStream openInPlace(Path destination, Path descriptor) throws IOException {
        int fd = descriptor == null ? -1 : StandardStreams.descriptorOf(descriptor);
        if (fd == 1 || fd == 2) {
            return new FilterOutputStream(new FileOutputStream(fd == 1 ? FileDescriptor.out : FileDescriptor.err)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        // append: a device or FIFO does not care, and another descriptor's file keeps what is in it
        return new FileOutputStream(destination.toFile(), true);
    }

    /** {@code /dev/stdout} when the command was started with stdout closed names a file of the JVM's. */
    private static void refuseClosedStream(Path destination, Path descriptor) throws IOException {
        int fd = StandardStreams.descriptorOf(descriptor);
        if (fd >= 0 && StandardStreams.closedAtStart(fd)) {
            throw new IOException(destination + ": " + (fd == 2 ? "standard error" : fd == 1 ? "standard output"
                    : "standard input") + " is closed (the command was started with it closed)");
        }
    }

    /**
     * A new empty temp file {@code .NAME.PID.RANDOM.tmp} in {@code dir}, created as the shell's
     * {@code >} creates a file: mode 0666 less the umask ({@code createTempFile} makes 0600, and a
     * fixed 0644 ignored a umask of 077). When it will replace {@code target}, it is created with
     * target's mode from the start (chmod afterwards let another user open a private file's new
     * content in between) and, where the user may, with its owner and group.
     */
    private static Path createTemp(Path dir, String name, Path target) throws IOException {
        Set<PosixFilePermission> mode = null;
        if (Files.isRegularFile(target)) {
            try {
                mode = Files.getPosixFilePermissions(target);
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the platform default
            }
        }
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(TempNames.of(name, PID));
            try {
                if (mode == null) {
                    Files.createFile(temp);
                    LIVE_TEMPS.add(temp);
                } else {
                    Files.createFile(temp, PosixFilePermissions.asFileAttribute(mode)); // at most mode (less the umask)
                    LIVE_TEMPS.add(temp);
                    Files.setPosixFilePermissions(temp, mode); // exactly mode, umask or not
                    keepOwner(target, temp);
                }
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /** Root replacing a user's file gave it to root; the shell's {@code >} keeps owner and group. */
    private static void keepOwner(Path target, Path temp) {
        try {
            PosixFileAttributes a = Files.readAttributes(target, PosixFileAttributes.class);
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (!a.owner().equals(Files.getOwner(temp))) {
                view.setOwner(a.owner());
            }
            if (!a.group().equals(view.readAttributes().group())) {
                view.setGroup(a.group());
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Only root may give a file away: others keep their own files, as with any new file
        }
    }

    /**
     * Fails now, naming the file, when {@link #create} would fail for want of a folder: when
     * {@code destination} is a directory, the nearest existing entry on its path is not one, or that
     * directory takes no new file. A long job checks its outputs this way before its work, instead of at the end.
     */
    public static void checkCreatable(Path destination) throws IOException {
        refuseDirectory(destination);
        if (isSpecial(destination)) {
            return;
        }
        Path folder = destination.toAbsolutePath().getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IOException(destination + ": cannot be created, " + folder + " is not a directory");
        }
        if (folder != null) {
            probeWritable(destination, folder);
        }
    }

    /**
     * A file created and deleted at once in {@code folder}: what {@link #create} will do there. Permission
     * bits say nothing for root, nor for a read-only mount or a file system that takes no new files
     * (sysfs), so only trying tells.
     */
    private static void probeWritable(Path destination, Path folder) throws IOException {
        Path probe;
        try {
            probe = Files.createTempFile(folder, ".trollwatch-probe." + PID + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException(destination + ": cannot be created, " + folder + " takes no new files (" + reason(e) + ")", e);
        }
        Files.deleteIfExists(probe);
    }

    private static void refuseDirectory(Path destination) throws IOException {
        if (Files.isDirectory(destination)) {
            throw new IOException(destination + ": is a directory, not a file to write");
        }
    }

    /**
     * Something to write in place: what exists and is not a regular file (following links) — a device, a
     * FIFO, a socket, a tty — and the process's own descriptors ({@code /dev/stdout} may lead to a file the
     * shell opened). A regular file is replaced atomically even under /dev: {@code /dev/shm/m.json} was
     * appended to, run after run.
     */
    private static boolean isSpecial(Path destination) {
        if (StandardStreams.isOwnDescriptor(destination)) {
            return true;
        }
        return Files.exists(destination) && !Files.isRegularFile(destination) && !Files.isDirectory(destination);
    }

    /** Deletes {@code .NAME.PID.*.tmp} files beside a destination whose process is gone. */
    private static void deleteStaleTemps(Path dir, String name) {
        Pattern ours = Pattern.compile(Pattern.quote("." + name + ".") + "(\\d+)\\.[^.]*\\.tmp");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "." + globQuote(name) + ".*.tmp")) {
            for (Path p : entries) {
                Matcher m = ours.matcher(p.getFileName().toString());
                if (m.matches() && !alive(Long.parseLong(m.group(1))) && untouchedFor(p, STALE_AFTER)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Cleaning up after others is a courtesy: never a reason to fail this output.
        }
    }

    /**
     * A pid is this PID namespace's: a writer in a container, or on another host sharing the folder,
     * looks dead here. Its temp file is being written to, so only one left alone this long is swept.
     */
    private static final java.time.Duration STALE_AFTER = java.time.Duration.ofHours(1);

    private static boolean untouchedFor(Path p, java.time.Duration age) throws IOException {
        return Files.getLastModifiedTime(p).toInstant().isBefore(java.time.Instant.now().minus(age));
    }

    private static boolean alive(long pid) {
        return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String globQuote(String s) {
        return s.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }

    private static void deleteLiveTemps() {
        for (Path p : LIVE_TEMPS) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the JVM is going down; nothing else can be done
            }
        }
    }

    private static IOException named(Path file, IOException e) {
        if (e instanceof FileSystemException) {
            // Its message is only the path it failed on (a temp file's, here), not what went wrong.
            return new IOException(file + ": " + reason(e), e);
        }
        String message = e.getMessage();
        if (message != null && message.contains(file.toString())) {
            return e;
        }
        return new IOException(file + ": " + (message == null ? e.getClass().getSimpleName() : message), e);
    }

    /** What went wrong, in words: "permission denied", "Read-only file system", … */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            // creating the folders found a file where a folder must be (--out notes.txt/x.csv)
            return (f.getFile() == null ? "a file" : f.getFile()) + " exists and is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        return e instanceof FileSystemException ? e.getClass().getSimpleName() : String.valueOf(e.getMessage());
    }

    /** True when the file name ends in {@code .gz}, in any case (output is then compressed). */
    static boolean isGzip(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
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
        if (temp != null) {
            try {
                try {
                    Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw named(destination, e);
            }
            LIVE_TEMPS.remove(temp);
        }
        committed = true;
    }

    /**
     * Commits as {@link #commit()} does, keeping the file it replaces until the caller knows whether a
     * whole set of files committed: a model set whose third file failed to commit had already lost the
     * first two old files, moved over and then deleted on the way back.
     */
    public Previous commitKeepingPrevious() throws IOException {
        if (temp == null) {
            commit();
            return new Previous(destination, null, false); // written in place: nothing to put back
        }
        boolean existed = Files.isRegularFile(destination, LinkOption.NOFOLLOW_LINKS);
        Path backup = existed ? keepCopy(destination, Files.getOwner(temp).equals(Files.getOwner(destination))) : null;
        try {
            commit();
        } catch (IOException | RuntimeException e) {
            if (backup != null) {
                try {
                    Files.deleteIfExists(backup);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup); // the failed commit is what the user must hear of
                }
            }
            throw e;
        }
        return new Previous(destination, backup, !existed);
    }

    /**
     * A second name for the file about to be replaced: a hard link to a file of our own, else a copy
     * (a link to another user's file is that user's, and in a sticky folder we could not remove it).
     */
    private static Path keepCopy(Path file, boolean ours) throws IOException {
        String name = TempNames.shortened(file.getFileName().toString());
        for (int attempt = 0; ; attempt++) {
            Path backup = file.resolveSibling(TempNames.of(name, PID));
            try {
                try {
                    if (!ours) {
                        return Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return Files.createLink(backup, file);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    if (e instanceof FileAlreadyExistsException) {
                        throw e;
                    }
                    // no hard links here (or not to another user's file): a copy keeps the content
                    return Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
                }
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw named(file, e);
                }
            } catch (IOException e) {
                throw named(file, e);
            }
        }
    }

    /** What a committed file replaced, until the set it belongs to is known to be complete. */
    public static final class Previous {
        private final Path destination;
        private final Path backup;
        private final boolean created;

        private Previous(Path destination, Path backup, boolean created) {
            this.destination = destination;
            this.backup = backup;
            this.created = created;
        }

        /** Puts the replaced file back (or removes a file that was new). */
        public void restore() throws IOException {
            if (backup != null) {
                Files.move(backup, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else if (created) {
                Files.deleteIfExists(destination);
            }
        }

        /** Drops the replaced file: the set committed. */
        public void discard() {
            if (backup != null) {
                try {
                    Files.deleteIfExists(backup);
                } catch (IOException e) {
                    // a leftover backup is a stale temp file, swept by the next write here
                }
            }
        }
    }

    /** Discards the temp file unless {@link #commit()} succeeded (a special file keeps what was written). */
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
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                    LIVE_TEMPS.remove(temp);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not delete temp file " + temp, e);
                }
            }
        }
    }

    /** Adds the destination to every I/O error ("No space left on device" alone names nothing). */
    private static final class NamingOutputStream extends FilterOutputStream {
        private final Path file;

        NamingOutputStream(OutputStream out, Path file) {
            super(out);
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw named(file, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw named(file, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw named(file, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw named(file, e);
            }
        }
    }

    /**
     * gzip at level 1: a 93,668-row features file compresses in a quarter of the CPU time of the
     * default level 6 (0.18 s against 0.75 s), for a file about 20 % larger. These are working
     * files (dumps, features, predictions); one kept for long can be recompressed with gzip -9.
     */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
