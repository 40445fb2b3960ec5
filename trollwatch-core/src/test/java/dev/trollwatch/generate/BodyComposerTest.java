package dev.trollwatch.generate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.Label;
import org.junit.jupiter.api.Test;

class BodyComposerTest {
    @Test
    void bodiesAreAtMost256CodePointsWithoutQuotesLineBreaksTrailingBackslashesOrBrokenSurrogates() {
        Rng rng = new Rng(17);
        BodyComposer composer = new BodyComposer(rng);
        int cut = 0;
        for (Label label : Label.values()) {
            for (int i = 0; i < 20_000; i++) {
                SimulatedAuthor author = SimulatedAuthor.create(i, label, rng);
                String body = composer.compose(author);
                int codePoints = body.codePointCount(0, body.length());
                assertTrue(codePoints <= 256, body);
                cut += codePoints == 256 ? 1 : 0;
                assertFalse(body.isEmpty());
                assertFalse(body.indexOf('"') >= 0 || body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0, body);
                assertFalse(body.endsWith("\\"), "a 2019 dump could not hold a body ending in a backslash: " + body);
                for (int k = 0; k < body.length(); k++) {
                    char c = body.charAt(k);
                    if (Character.isHighSurrogate(c)) {
                        assertTrue(k + 1 < body.length() && Character.isLowSurrogate(body.charAt(++k)), body);
                    } else {
                        assertFalse(Character.isLowSurrogate(c), body);
                    }
                }
            }
        }
        assertTrue(cut > 0, "some long bodies were cut at 256");
    }

    @Test
    void bodiesHoldPipesBackslashesAndNonAsciiNowAndThen() {
        Rng rng = new Rng(3);
        BodyComposer composer = new BodyComposer(rng);
        boolean pipe = false;
        boolean backslash = false;
        boolean astral = false;
        boolean accent = false;
        for (int i = 0; i < 5_000; i++) {
            String body = composer.compose(SimulatedAuthor.create(i, Label.NORMAL, rng));
            pipe |= body.contains("|");
            backslash |= body.contains("\\");
            astral |= body.codePoints().anyMatch(cp -> cp > 0xFFFF);
            accent |= body.codePoints().anyMatch(cp -> cp > 0x7F && cp <= 0xFF);
        }
        assertTrue(pipe && backslash && astral && accent);
    }
}
