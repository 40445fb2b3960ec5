package dev.trollwatch.io;

import dev.trollwatch.comment.Comment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures under src/test/resources/dumps, copied to a temp dir so readers see real files. */
final class DumpFixtures {
    private DumpFixtures() {
    }

    static Path copy(String resource, Path dir) {
        Path target = dir.resolve(resource);
        try (InputStream in = DumpFixtures.class.getResourceAsStream("/dumps/" + resource)) {
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

    static List<Comment> readAll(Path file, InputFormat format, ErrorPolicy policy) throws IOException {
        try (CommentReader r = CommentReaders.open(file, format, policy)) {
            List<Comment> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        }
    }

    static List<Comment> readAll(Path file) throws IOException {
        return readAll(file, null, ErrorPolicy.FAIL);
    }
}
