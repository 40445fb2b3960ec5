package dev.trollwatch.io.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.comment.RecentComment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Reusing an author's previous entries gives exactly what parsing the whole array gives, errors included. */
class RecentCommentsWindowsTest {

    private static String entry(int n, String score) {
        return "{\"created_utc\": " + (1000 + n) + ".0, \"body\": \"comment " + n + " \\u00e9\\ud83d\\ude00\", "
                + "\"score\": " + score + ", \"ups\": " + n + ", \"no_follow\": " + (n % 2 == 0) + ", \"gilded\": 0, "
                + "\"num_comments\": " + (2 * n) + ", \"controversiality\": 0, \"author\": \"a\", \"downs\": 1e1}";
    }

    private static String array(int from, int to) {
        List<String> entries = new ArrayList<>();
        for (int n = from; n < to; n++) {
            entries.add(entry(n, String.valueOf(n - 3)));
        }
        return "[" + String.join(", ", entries) + "]";
    }

    @Test
    void aSlidingWindowParsesAsTheWholeArrayDoes() {
        RecentCommentsWindows windows = new RecentCommentsWindows(8);
        // the history grows to 5 entries, then slides; another author's rows are interleaved
        for (int row = 1; row < 12; row++) {
            String json = array(Math.max(0, row - 5), row);
            assertEquals(RecentCommentsParser.parse(json), windows.parse("alice", json), "row " + row);
            String other = array(100 + row, 103 + row);
            assertEquals(RecentCommentsParser.parse(other), windows.parse("bob", other), "bob, row " + row);
        }
    }

    @Test
    void reusedEntriesAreTheSameObjects() {
        RecentCommentsWindows windows = new RecentCommentsWindows(8);
        List<RecentComment> first = windows.parse("alice", array(0, 4));
        List<RecentComment> second = windows.parse("alice", array(1, 5));
        assertSame(first.get(1), second.get(0));
        assertEquals(RecentCommentsParser.parse(array(1, 5)), second);
    }

    @Test
    void unchangedShorterOrUnrelatedArraysAreParsedCorrectly() {
        RecentCommentsWindows windows = new RecentCommentsWindows(8);
        for (String json : List.of(array(0, 3), array(0, 3), array(1, 3), array(0, 2), "[]", array(5, 9),
                array(5, 9) + " ", array(6, 9), "[" + entry(1, "2") + "]", array(0, 1))) {
            assertEquals(RecentCommentsParser.parse(json), windows.parse("alice", json), json);
        }
    }

    @Test
    void aBadNewEntryFailsWithTheWholeArraysMessage() {
        RecentCommentsWindows windows = new RecentCommentsWindows(8);
        windows.parse("alice", array(0, 3));
        String bad = array(1, 3).replaceFirst("]$", ", " + entry(3, "\"abc\"") + "]");
        assertSameFailure(() -> RecentCommentsParser.parse(bad), () -> windows.parse("alice", bad));
        windows.parse("alice", array(0, 3));
        String trailingComma = array(1, 3).replaceFirst("]$", ",]");
        assertSameFailure(() -> RecentCommentsParser.parse(trailingComma), () -> windows.parse("alice", trailingComma));
        String junkAfter = array(1, 3) + "x";
        assertSameFailure(() -> RecentCommentsParser.parse(junkAfter), () -> windows.parse("alice", junkAfter));
        String unicodeSpaceAfter = array(1, 3) + "\u2003";
        assertSameFailure(() -> RecentCommentsParser.parse(unicodeSpaceAfter),
                () -> windows.parse("alice", unicodeSpaceAfter));
        // the window is still usable after failures
        assertEquals(RecentCommentsParser.parse(array(1, 4)), windows.parse("alice", array(1, 4)));
    }

    @Test
    void authorsBeyondTheBoundAreForgottenNotMisused() {
        RecentCommentsWindows windows = new RecentCommentsWindows(2);
        for (int round = 0; round < 3; round++) {
            for (String author : List.of("a", "b", "c")) {
                String json = array(round, round + 3);
                assertEquals(RecentCommentsParser.parse(json), windows.parse(author, json));
            }
        }
        assertEquals(List.of(), windows.parse(null, null));
        assertEquals(RecentCommentsParser.parse(array(0, 2)), windows.parse(null, array(0, 2)));
    }

    @Test
    void theRememberedTextStaysWithinItsCharBudget() {
        long budget = 3 * array(0, 5).length();
        RecentCommentsWindows windows = new RecentCommentsWindows(100, budget);
        for (int round = 0; round < 4; round++) {
            for (int author = 0; author < 10; author++) {
                String json = array(round, round + 5);
                assertEquals(RecentCommentsParser.parse(json), windows.parse("author" + author, json));
                assertTrue(windows.retainedChars() <= budget, "retained " + windows.retainedChars());
            }
        }
        assertTrue(windows.retainedChars() > 0);
        // an array longer than the whole budget is parsed, not remembered
        String longer = array(0, 20);
        assertEquals(RecentCommentsParser.parse(longer), windows.parse("author0", longer));
        assertEquals(RecentCommentsParser.parse(array(1, 21)), windows.parse("author0", array(1, 21)));
        assertTrue(windows.retainedChars() <= budget);
    }

    private static void assertSameFailure(Executable expected, Executable actual) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, expected);
        InvalidFieldException a = assertThrows(InvalidFieldException.class, actual);
        assertEquals(e.getMessage(), a.getMessage());
    }

    @Test
    void aKeyGivenTwiceInAnEntryIsAnErrorNotTheLastCopy() {
        // '"body": "x", "body": "y"' kept "y" silently, and the diff-ratio features changed with it;
        // the same JSON as a serve request's array, or a JSON Lines row, was refused
        String twice = entry(1, "2").replace("\"score\": 2", "\"score\": 1, \"score\": 2");
        InvalidFieldException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidFieldException.class,
                () -> RecentCommentsParser.parse("[" + twice + "]"));
        assertTrue(e.getMessage().contains("recent_comments[0].score"), e.getMessage());
        assertTrue(e.getMessage().contains("the key once"), e.getMessage());
        String unknownTwice = entry(1, "2").replace("\"downs\": 1e1", "\"downs\": 1e1, \"zz\": 1, \"zz\": 2");
        assertEquals(1, RecentCommentsParser.parse("[" + unknownTwice + "]").size()); // a key no feature reads is skipped
    }
}
