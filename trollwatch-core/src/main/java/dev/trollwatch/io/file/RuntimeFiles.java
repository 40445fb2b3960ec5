package dev.trollwatch.io.file;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The files the running JVM is made of: the Java runtime under {@code java.home} and the class
 * path's jars. A descriptor the shell did not open ({@code /dev/fd/3}, or {@code /dev/stdout} when
 * the command was started with stdout closed) holds one of them, and so does a link to it: writing
 * there replaced or appended to the JDK's {@code lib/modules} or trollwatch's own jar. No output may
 * be one of them, whatever path leads there.
 */
final class RuntimeFiles {
    private static volatile Set<Path> jars;
    private static volatile Path javaHome;

    private RuntimeFiles() {
    }

    /** True when {@code real} (a real path) is under java.home or is a class-path entry. */
    static boolean contains(Path real) {
        if (real.startsWith(javaHome())) {
            return true;
        }
        return jars().contains(real);
    }

    private static Path javaHome() {
        Path h = javaHome;
        if (h == null) {
            h = RealPaths.orAbsolute(Path.of(System.getProperty("java.home")));
            javaHome = h;
        }
        return h;
    }

    private static Set<Path> jars() {
        Set<Path> j = jars;
        if (j == null) {
            j = new HashSet<>();
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    Path p = Path.of(entry);
                    if (Files.isRegularFile(p)) {
                        j.add(RealPaths.orAbsolute(p));
                    }
                }
            }
            jars = j;
        }
        return j;
    }

    /** Refuses {@code destination} when, followed to its end, it is a file of the running JVM. */
    static void refuse(Path destination) throws IOException {
        Path real;
        try {
            real = RealPaths.of(destination);
        } catch (IOException e) {
            return; // writing names the path and the cause
        }
        if (contains(real)) {
            throw new IOException(destination + ": leads to " + real + ", a file of the running Java runtime"
                    + " (a descriptor the command was not given, or a link to one); refusing to write it");
        }
    }
}
