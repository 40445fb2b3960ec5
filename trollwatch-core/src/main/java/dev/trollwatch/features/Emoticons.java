package dev.trollwatch.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * pattern's emoticon table and its two uses:
 * <ul>
 *   <li>{@link #rejoin}: the tokenizer has split ":)" into ": )"; pattern re-joins emoticons
 *       written with optional single spaces between their characters, when followed by a space
 *       or the end of the sentence;</li>
 *   <li>{@link #polarityOf}: an unknown token that is an emoticon (compared lower-cased)
 *       becomes an assessment of its own.</li>
 * </ul>
 */
final class Emoticons {

    /** Mood polarity and its emoticons, in pattern's category order (love first, cry last). */
    private static final Object[][] TABLE = {
        {+1.00, "<3", "\u2665"},
        {+1.00, ">:D", ":-D", ":D", "=-D", "=D", "X-D", "x-D", "XD", "xD", "8-D"},
        {+0.75, ">:P", ":-P", ":P", ":-p", ":p", ":-b", ":b", ":c)", ":o)", ":^)"},
        {+0.50, ">:)", ":-)", ":)", "=)", "=]", ":]", ":}", ":>", ":3", "8)", "8-)"},
        {+0.25, ">;]", ";-)", ";)", ";-]", ";]", ";D", ";^)", "*-)", "*)"},
        {+0.05, ">:o", ":-O", ":O", ":o", ":-o", "o_O", "o.O", "\u00b0O\u00b0", "\u00b0o\u00b0"},
        {-0.25, ">:/", ":-/", ":/", ":\\", ">:\\", ":-.", ":-s", ":s", ":S", ":-S", ">.>"},
        {-0.75, ">:[", ":-(", ":(", "=(", ":-[", ":[", ":{", ":-<", ":c", ":-c", "=/"},
        {-1.00, ":'(", ":'''(", ";'("},
    };

    /** Length of the longest emoticon, ":'''(" (all emoticons are in the BMP). */
    private static final int LONGEST = 5;

    /** All emoticons start with a character below this ('♥' is U+2665). */
    private static final int FIRST_CHAR_LIMIT = 0x2666;

    /**
     * Emoticons in pattern's regex alternation order, indexed by first character. Within a
     * category pattern's order is a hash-set order, but it cannot change a result: the only
     * emoticons that are prefixes of others (":o" of ":o)", ":c" of ":c)") sit in later
     * categories than the longer ones, so the longer one is always tried first.
     */
    private static final String[][] BY_FIRST_CHAR = new String[FIRST_CHAR_LIMIT][];

    /** Lower-cased emoticon → polarity, first category wins; all-letter forms ("xd") excluded. */
    private static final Map<String, Double> POLARITY;

    /** First characters of the keys of {@link #POLARITY}. */
    private static final boolean[] STARTS_LOWER_CASED_EMOTICON = new boolean[FIRST_CHAR_LIMIT];

    static {
        Map<Character, List<String>> byFirst = new HashMap<>();
        Map<String, Double> polarity = new HashMap<>();
        for (Object[] category : TABLE) {
            double mood = (Double) category[0];
            for (int k = 1; k < category.length; k++) {
                String emoticon = (String) category[k];
                byFirst.computeIfAbsent(emoticon.charAt(0), c -> new ArrayList<>()).add(emoticon);
                String lower = emoticon.toLowerCase(Locale.ROOT);
                // pattern only looks up tokens that are not all letters ("xd" never counts).
                if (!lower.chars().allMatch(Character::isLetter)) {
                    polarity.putIfAbsent(lower, mood);
                }
            }
        }
        byFirst.forEach((c, list) -> BY_FIRST_CHAR[c] = list.toArray(String[]::new));
        POLARITY = Map.copyOf(polarity);
        POLARITY.keySet().forEach(e -> STARTS_LOWER_CASED_EMOTICON[e.charAt(0)] = true);
    }

    private Emoticons() {
    }

    /**
     * The polarity of a lower-cased unknown token if pattern scores it as an emoticon, else
     * null. (pattern also requires at most 5 characters and not being a run of its punctuation
     * string; every emoticon satisfies both, so the table decides.)
     */
    static Double polarityOf(String lowerToken) {
        int length = lowerToken.length();
        if (length == 0 || length > LONGEST) {
            return null;
        }
        char first = lowerToken.charAt(0);
        // Cheap rejection of ordinary words ("of", "or") before hashing: every key has a
        // non-letter character.
        if (first >= FIRST_CHAR_LIMIT || !STARTS_LOWER_CASED_EMOTICON[first]) {
            return null;
        }
        for (int k = 0; k < length; k++) {
            if (!Character.isLetter(lowerToken.charAt(k))) {
                return POLARITY.get(lowerToken);
            }
        }
        return null;
    }

    /**
     * pattern's emoticon substitution on one sentence (tokens joined by single spaces): at the
     * leftmost position where an emoticon matches, with an optional space between any two of
     * its characters and followed by a space or the end, the spaces are removed. Returns null
     * when nothing matched.
     */
    static String rejoin(CharSequence sentence) {
        StringBuilder out = null;
        int copied = 0;
        int length = sentence.length();
        int p = 0;
        while (p < length) {
            char c = sentence.charAt(p);
            String[] candidates = c < FIRST_CHAR_LIMIT ? BY_FIRST_CHAR[c] : null;
            int end = -1;
            String matched = null;
            if (candidates != null) {
                for (String emoticon : candidates) {
                    end = matchSpaced(sentence, p, emoticon);
                    if (end >= 0) {
                        matched = emoticon;
                        break;
                    }
                }
            }
            if (matched == null) {
                p++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length);
            }
            out.append(sentence, copied, p).append(matched);
            // The regex also consumes the following space (it is put back unchanged).
            p = end < length ? end + 1 : end;
            if (end < length) {
                out.append(' ');
            }
            copied = p;
        }
        return out == null ? null : out.append(sentence, copied, length).toString();
    }

    /**
     * Matches {@code emoticon} at {@code from} allowing one space between characters; returns
     * the end index when the match is followed by a space or the end, else -1. No emoticon
     * contains a space, so the optional space never needs backtracking.
     */
    private static int matchSpaced(CharSequence s, int from, String emoticon) {
        int length = s.length();
        int q = from;
        for (int k = 0; k < emoticon.length(); k++) {
            char want = emoticon.charAt(k);
            if (k > 0 && q < length && s.charAt(q) == ' ') {
                q++;
            }
            if (q >= length || s.charAt(q) != want) {
                return -1;
            }
            q++;
        }
        return q == length || s.charAt(q) == ' ' ? q : -1;
    }
}
