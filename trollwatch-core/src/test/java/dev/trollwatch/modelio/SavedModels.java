package dev.trollwatch.modelio;

import dev.trollwatch.io.file.AtomicOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Writes one model file of one format, for the tests of that format (trollwatch itself writes the set together). */
final class SavedModels {
    private SavedModels() {
    }

    /** A format's encoder bound to its model, e.g. {@code out -> JsonModelFile.write(out, tree, info)}. */
    interface Encoder {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code file} atomically, gzip-compressed when its name ends in .gz. */
    static Path save(Path file, Encoder encoder) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(file)) {
            encoder.writeTo(out.stream());
            out.commit();
        }
        return file;
    }
}
