package dev.trollwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommentMessagesTest {
    @Test
    void syntaxErrorsSayWhere() {
        CommentMessages.Decoded d = CommentMessages.decode("{\"author\": \"x\", oops".getBytes(StandardCharsets.UTF_8));
        assertNull(d.comment());
        assertEquals("not JSON at line 1, column 17: Unexpected character ('o' (code 111)): was expecting double-quote"
                + " to start field name", d.rejection().reason());
    }

    @Test
    void aNumberOverTheParsersLimitIsARejectionNotACrash() {
        // Jackson's limits throw without a location: reading it was a NullPointerException.
        byte[] value = ("{\"score\": " + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
        CommentMessages.Decoded d = CommentMessages.decode(value);
        assertNull(d.comment());
        assertEquals("not JSON: Number value length (5000) exceeds the maximum allowed (1000)", d.rejection().reason());
    }

    @Test
    void anOverlongOrSurrogateUtf8FormIsARejection() {
        // Found by probing: Jackson decoded C0 AF as '/', where a dump reader refuses the file.
        for (byte[] bad : new byte[][] {{'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
                {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}}) {
            CommentMessages.Decoded d = CommentMessages.decode(bad);
            assertNull(d.comment());
            assertEquals("not valid UTF-8 (byte 7)", d.rejection().reason());
        }
    }
}
