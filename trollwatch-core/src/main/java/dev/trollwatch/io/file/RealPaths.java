package dev.trollwatch.io.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths as the kernel resolves them, also for files that do not exist yet: two outputs named
 * {@code L/m.json} (L a link to {@code .}) and {@code m.json} are one file, and a dangling link is
 * the file it will create. Comparing paths as text missed both.
 */
public final class RealPaths {
    /** The kernel's own limit on a chain of links. */
    private static final int MAX_HOPS = 40;

    private RealPaths() {
    }

    /**
     * The real path of {@code path}: links followed as the kernel follows them, {@code ..} taken from
     * the real folder. For a path that does not exist, the real folder it would be created in, plus its
     * name; for a chain of links too long (a loop), an IOException naming the path.
     */
    public static Path of(Path path) throws IOException {
        if (Files.exists(path)) {
            return path.toRealPath();
        }
        Path at = path.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(at); hops++) {
            if (hops == MAX_HOPS) {
                throw new IOException(path + ": too many levels of symbolic links");
            }
            at = at.getParent().toRealPath().resolve(Files.readSymbolicLink(at));
        }
        Path folder = at.getParent();
        if (folder != null && Files.isDirectory(folder)) {
            return folder.toRealPath().resolve(at.getFileName());
        }
        return at.normalize();
    }

    /** As {@link #of}, or the absolute normalised path when the path cannot be resolved (a loop). */
    public static Path orAbsolute(Path path) {
        try {
            return of(path);
        } catch (IOException | SecurityException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** Each path a chain of links passes through, {@code path} first: where a link to {@code /dev/stdout} leads. */
    static java.util.List<Path> chain(Path path) {
        java.util.List<Path> hops = new java.util.ArrayList<>();
        Path at = path.toAbsolutePath();
        hops.add(at);
        try {
            for (int i = 0; i < MAX_HOPS && Files.isSymbolicLink(at); i++) {
                at = at.resolveSibling(Files.readSymbolicLink(at));
                hops.add(at);
            }
        } catch (IOException | SecurityException e) {
            // a link that cannot be read: the hops so far are what is known
        }
        return hops;
    }
}
