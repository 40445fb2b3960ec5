package dev.trollwatch.io.dump;

import dev.trollwatch.TestResources;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.file.AtomicOutput;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Copies the test dump {@code name} (dumps/NAME, else golden/NAME) into {@code dir}. */
    public static Path copy(String name, Path dir) {
        String resource = DumpFixtures.class.getResource("/dumps/" + name) != null ? "/dumps/" + name : "/golden/" + name;
        return TestResources.copyTo(resource, dir.resolve(name));
    }

    /** {@code comments} as a dump in {@code format}. */
    public static byte[] dumpBytes(OutputFormat format, Iterable<? extends Comment> comments) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTo(bytes, format, comments);
        return bytes.toByteArray();
    }

    /** Writes {@code comments} to {@code file} as a dump in {@code format}, gzip-compressed when the name ends in .gz. */
    public static Path writeDump(Path file, OutputFormat format, Iterable<? extends Comment> comments) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(file)) {
            writeTo(out.stream(), format, comments);
            out.commit();
        }
        return file;
    }

    private static void writeTo(OutputStream out, OutputFormat format, Iterable<? extends Comment> comments)
            throws IOException {
        try (CommentWriter w = format.open(out)) {
            for (Comment c : comments) {
                w.write(c);
            }
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

    public static List<Comment> readAll(Path file, InputFormat format, ErrorPolicy policy) throws IOException {
        try (CommentReader r = open(file, format, policy)) {
            List<Comment> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        }
    }

    /** Every row of a dump file, format detected, failing on a malformed row. */
    public static List<Comment> readAll(Path file) throws IOException {
        return readAll(file, null, ErrorPolicy.FAIL);
    }
}
