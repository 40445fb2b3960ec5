package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8WriterStreamTest {
    @Test
    void charactersSplitAcrossWritesComeOutWhole() throws IOException {
        String text = "a—b 😀 troll ü\n".repeat(2000); // 2-, 3- and 4-byte characters, past the buffer size
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        try (Utf8WriterStream s = new Utf8WriterStream(out)) {
            for (int i = 0; i < bytes.length; i += 7) { // 7-byte slices cut most characters in two
                s.write(bytes, i, Math.min(7, bytes.length - i));
            }
            s.write(bytes, 0, 0);
        }
        assertEquals(text, out.toString());
    }
}
