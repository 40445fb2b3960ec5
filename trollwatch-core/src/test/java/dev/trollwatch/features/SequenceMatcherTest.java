package dev.trollwatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceMatcherTest {

    /** Every vector CPython 3.11's difflib computed (golden/difflib_ratio.jsonl) is reproduced to 1e-12. */
    @Test
    void reproducesEveryGoldenRatioOfCpython() throws IOException {
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (JsonNode v : ParityFiles.jsonLines("/golden/difflib_ratio.jsonl")) {
            String a = v.get("a").asText();
            String b = v.get("b").asText();
            double expected = v.get("ratio").asDouble();
            double actual = SequenceMatcher.ratio(a, b);
            count++;
            if (Math.abs(actual - expected) > 1e-12) {
                failures.add("line " + count + ": expected " + expected + " got " + actual);
            }
        }
        assertEquals(2513, count, "golden vector count");
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: " + failures.stream().limit(5).toList());
    }

    @Test
    void emptySequencesGiveOneWhenBothEmptyElseZero() {
        assertEquals(1.0, SequenceMatcher.ratio("", ""));
        assertEquals(0.0, SequenceMatcher.ratio("abc", ""));
        assertEquals(0.0, SequenceMatcher.ratio("", "abc"));
    }

    /** Autojunk starts at len(b) = 200: the popular 'a' and 'b' leave b's index, so "qaaaa" no longer matches. */
    @Test
    void autojunkDropsPopularCharactersFromTwoHundredCharacters() {
        String b199 = "aaaa" + "b".repeat(195);
        String b200 = "aaaa" + "b".repeat(196);
        assertEquals(2.0 * 4 / (5 + 199), SequenceMatcher.ratio("qaaaa", b199), 1e-15);
        assertEquals(0.0, SequenceMatcher.ratio("qaaaa", b200));
    }

    /** Popular characters are not junk: an (even empty) best block still extends over them (CPython gives 8/204). */
    @Test
    void popularCharactersStillExtendTheBestBlock() {
        assertEquals(0.0392156862745098, SequenceMatcher.ratio("aaaa", "aaaa" + "b".repeat(196)), 1e-15);
        assertEquals(0.0392156862745098, SequenceMatcher.ratio("xaaa", "x" + "a".repeat(199)), 1e-15);
    }

    /** An emoji is one character (Python code points), not two UTF-16 units. */
    @Test
    void charactersOutsideTheBmpCountAsOneCharacter() {
        assertEquals(0.5, SequenceMatcher.ratio("a\uD83D\uDE00", "a\uD83D\uDE01"));
        assertEquals(0.0, SequenceMatcher.ratio("\uD83D\uDE00", "\uD83D\uDE01"));
        assertEquals(1.0, SequenceMatcher.ratio("a\uD83D\uDE00b", "a\uD83D\uDE00b"));
    }

    @Test
    void longestMatchPrefersEarliestInAThenEarliestInB() {
        // find_longest_match(" abcd", "abcd abcd") = (0, 4, 5): all 5 chars match, ratio 10/14.
        assertEquals(10.0 / 14, SequenceMatcher.ratio(" abcd", "abcd abcd"), 1e-15);
        assertEquals(0.5, SequenceMatcher.ratio("ab", "ba"));
    }

    @Test
    void reusedWorkspaceGivesTheSameRatiosInAnyOrder() {
        SequenceMatcher m = new SequenceMatcher();
        String longB = "the quick brown fox jumps over the lazy dog ".repeat(6);
        int[] dog = "a lazy dog".codePoints().toArray();
        m.setA(dog, dog.length);
        double first = m.ratioWithB(longB, Integer.MAX_VALUE);
        double x = m.ratioWithB("x", Integer.MAX_VALUE);
        int[] ys = "y".repeat(500).codePoints().toArray();
        m.setA(ys, ys.length);
        m.ratioWithB("x", Integer.MAX_VALUE);
        m.ratioWithB(longB, 200);
        m.setA(dog, dog.length);
        assertEquals(first, m.ratioWithB(longB, Integer.MAX_VALUE));
        assertEquals(x, m.ratioWithB("x", Integer.MAX_VALUE));
        assertEquals(SequenceMatcher.ratio("a lazy dog", longB), first);
    }
}
