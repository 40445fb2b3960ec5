package dev.trollwatch.io.file;

import dev.trollwatch.TrollwatchException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The up-front check for an input that must be a regular file (a model file, a pickle): a FIFO
 * blocks its reader until something writes, {@code /dev/zero} never ends, and a directory fails
 * with an I/O error that names no file. A missing path passes: opening it says "no such file".
 */
public final class RegularFile {
    private RegularFile() {
    }

    /**
     * Refuses {@code path} when it exists and is not a regular file (links are followed).
     *
     * @param why the end of the message, e.g. {@code "a model file is a regular file"}
     */
    public static void require(Path path, String why) {
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new TrollwatchException(path + ": not a regular file; " + why);
        }
    }
}
