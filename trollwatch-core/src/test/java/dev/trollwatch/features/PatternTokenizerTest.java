package dev.trollwatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** pattern's find_tokens as TextBlob's sentiment sees it (joined sentences, split on spaces). */
class PatternTokenizerTest {

    private final PatternTokenizer tokenizer = new PatternTokenizer();

    @Test
    void splitsPunctuationButKeepsAbbreviations() {
        assertEquals(List.of("Mr.", "Smith", "is", "nice", ".", "e.g.", "cool", "..."),
                tokenizer.words("Mr. Smith is nice. e.g. cool..."));
        assertEquals(List.of("the", "U.S.", "is", "big"), tokenizer.words("the U.S. is big"));
    }

    @Test
    void isolatesApostrophesAndSplitsNt() {
        assertEquals(List.of("I", "do", "n", "'", "t", "like", "it", "'", "s"),
                tokenizer.words("I don't like it's"));
    }

    @Test
    void rejoinsEmoticonsAndSarcasmMarks() {
        assertEquals(List.of("nice", "!", ":)"), tokenizer.words("nice!:)"));
        assertEquals(List.of("wow", "(!)"), tokenizer.words("wow ( ! )"));
        assertEquals(List.of(":'''("), tokenizer.words(":'''("));
    }

    @Test
    void paragraphBreaksLeaveNoMarker() {
        assertEquals(List.of("Good", "good"), tokenizer.words("Good\r\n\r\ngood"));
    }

    @Test
    void pythonWhitespaceSeparatesWords() {
        assertEquals(List.of("a", "b", "c", "d"), tokenizer.words("a\u00a0b\u2003c\u3000d"));
        assertEquals(List.of("a\u200bb"), tokenizer.words("a\u200bb")); // zero-width space is not
    }
}
