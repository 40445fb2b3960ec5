package dev.trollwatch.io.file;

import dev.trollwatch.TrollwatchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The process's own standard streams as paths ({@code /dev/stdout}, {@code /dev/fd/1},
 * {@code /proc/self/fd/1}), and whether one was closed when the JVM started. A program started with
 * {@code >&-} finds descriptor 1 free, and the JVM's first open file takes it (the JDK's
 * {@code lib/modules}): {@code /dev/stdout} then names that file, and writing "to stdout" appended
 * to the JDK. Linux only (elsewhere nothing is known to be closed).
 */
public final class StandardStreams {
    private static final Pattern OWN_DESCRIPTOR = Pattern.compile(
            "/dev/std(in|out|err)|/dev/fd/\\d+|/proc/(self|thread-self|" + ProcessHandle.current().pid() + ")/fd/\\d+");

    private StandardStreams() {
    }

    /** True for a path that names one of this process's descriptors: it is written in place, never replaced. */
    static boolean isOwnDescriptor(Path path) {
        return OWN_DESCRIPTOR.matcher(path.toAbsolutePath().normalize().toString()).matches();
    }

    /**
     * True when descriptor {@code fd} (0, 1 or 2) was closed when the JVM started: it now holds one
     * of the JVM's own files ({@link RuntimeFiles}).
     */
    public static boolean closedAtStart(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (!Files.isSymbolicLink(link)) {
                return false;
            }
            Path target = Files.readSymbolicLink(link);
            return target.isAbsolute() && RuntimeFiles.contains(target.normalize());
        } catch (IOException | SecurityException e) {
            return false; // not Linux, or /proc unreadable: nothing is known to be closed
        }
    }

    /**
     * Standard input, refused when it was closed at start ({@code <&-}): it would read the JDK's own
     * file and report "invalid UTF-8" for it.
     */
    public static InputStream stdin() {
        requireInputOpen(null);
        return System.in;
    }

    /**
     * Refuses reading {@code path} (or stdin, for null) when it leads to standard input and that was
     * closed at start, links followed ({@code lin -> /dev/stdin}), or to a file of the running JVM
     * ({@code /dev/fd/3}).
     */
    public static void requireInputOpen(Path path) {
        boolean stdin = path == null || RealPaths.chain(path).stream().anyMatch(hop -> descriptorOf(hop) == 0);
        if (stdin && closedAtStart(0)) {
            throw new TrollwatchException((path == null ? "<stdin>" : path.toString())
                    + ": standard input is closed (the command was started with it closed)");
        }
        if (path != null && RuntimeFiles.contains(RealPaths.orAbsolute(path))) {
            throw new TrollwatchException(path + ": leads to a file of the running Java runtime (a descriptor the"
                    + " command was not given, or a link to one), not an input");
        }
    }

    /** The descriptor a path such as {@code /dev/stdout} names, or -1 when it names none of 0..2. */
    static int descriptorOf(Path path) {
        String p = path.toAbsolutePath().normalize().toString();
        if (p.equals("/dev/stdin")) {
            return 0;
        }
        if (p.equals("/dev/stdout")) {
            return 1;
        }
        if (p.equals("/dev/stderr")) {
            return 2;
        }
        String last = p.substring(p.lastIndexOf('/') + 1);
        if (isOwnDescriptor(path) && last.length() == 1 && last.charAt(0) <= '2') {
            return last.charAt(0) - '0';
        }
        return -1;
    }
}
