package dev.trollwatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Test resources as real files, for code under test that reads a path. */
public final class TestResources {
    private TestResources() {
    }

    /** Copies the class-path resource {@code resource} (e.g. {@code /features/x.csv.gz}) into {@code dir} under its file name. */
    public static Path copy(String resource, Path dir) {
        return copyTo(resource, dir.resolve(Path.of(resource).getFileName().toString()));
    }

    /** Copies the class-path resource {@code resource} to {@code target}, replacing it. */
    public static Path copyTo(String resource, Path target) {
        try (InputStream in = TestResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
