package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Test dumps under src/test/resources/dumps (and the shared golden sample under golden/), copied to a
 * temp dir so readers see real files.
 */
public final class DumpFixtures {
    private DumpFixtures() {
    }

    /** A test dump by file name: dumps/NAME, else golden/NAME; null when neither exists. */
    public static InputStream testResource(String name) {
        InputStream in = DumpFixtures.class.getResourceAsStream("/dumps/" + name);
        return in != null ? in : DumpFixtures.class.getResourceAsStream("/golden/" + name);
    }

    static Path copy(String resource, Path dir) {
        Path target = dir.resolve(resource);
        try (InputStream in = testResource(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource dumps/" + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reader of a dump file ({@code format} null: detected), named by its path in messages. */
    public static CommentReader open(Path file, InputFormat format, ErrorPolicy policy) throws IOException {
        return CommentReaders.open(new FileInputStream(file.toFile()), file.toString(), format, policy);
    }

    static List<Comment> readAll(Path file, InputFormat format, ErrorPolicy policy) throws IOException {
        try (CommentReader r = open(file, format, policy)) {
            List<Comment> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        }
    }

    static List<Comment> readAll(Path file) throws IOException {
        return readAll(file, null, ErrorPolicy.FAIL);
    }
}
