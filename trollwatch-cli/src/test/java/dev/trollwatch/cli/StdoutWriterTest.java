package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdoutWriterTest {
    /** Accepts {@code capacity} bytes, then fails every write as a full disk does. */
    private static final class FillingStream extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private final int capacity;
        int writesAfterFull;

        FillingStream(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written.size() + len > capacity) {
                writesAfterFull++;
                throw new IOException("No space left on device");
            }
            written.write(b, off, len);
        }
    }

    @Test
    void writesPassThroughAsUtf8() {
        FillingStream sink = new FillingStream(1 << 20);
        StdoutWriter w = new StdoutWriter(sink);
        w.print("troll ");
        w.printf("%.2f", 0.5);
        w.println(" ✓");
        assertEquals("troll 0.50 ✓" + System.lineSeparator(), sink.written.toString(StandardCharsets.UTF_8));
        assertFalse(w.checkError());
    }

    @Test
    void theFirstFailureIsThrownAndKept() {
        FillingStream sink = new FillingStream(10);
        StdoutWriter w = new StdoutWriter(sink);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> w.println("more than ten bytes"));
        assertEquals("standard output: No space left on device", e.getCause().getMessage());
        assertTrue(w.checkError());
        assertEquals("standard output: No space left on device", w.failure().getMessage());
        // Later writes fail at once, without touching the stream again.
        int attempts = sink.writesAfterFull;
        UncheckedIOException again = assertThrows(UncheckedIOException.class, () -> w.print("x"));
        assertEquals(attempts, sink.writesAfterFull);
        assertTrue(again.getCause() != e.getCause(), "a fresh exception each time (no self-suppression)");
        assertThrows(UncheckedIOException.class, w::close);
    }

    @Test
    void aTableWriterOnStdoutSeesAnIOException() {
        StdoutWriter w = new StdoutWriter(new FillingStream(100));
        IOException e = assertThrows(IOException.class, () -> {
            try (Utf8WriterStream table = new Utf8WriterStream(w)) {
                table.write(new byte[1 << 16]);
            }
        });
        assertEquals("standard output: No space left on device", e.getMessage());
    }
}
