package dev.trollwatch.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * pattern's {@code find_tokens} as TextBlob's sentiment uses it: the text's words after
 * contraction handling, punctuation splitting (abbreviations kept), sentence segmentation,
 * and the sarcasm "(!)" and emoticon re-joining done per sentence. The result is what
 * TextBlob gets from {@code " ".join(find_tokens(text)).split()}.
 *
 * <p>Written from pattern's algorithm, without regular expressions: one pass over the text
 * with no per-call compilation and no backtracking. Stateless and thread-safe.
 */
final class PatternTokenizer {

    /** pattern's marker for a paragraph break (two or more newlines). */
    static final String END_OF_SENTENCE = "END-OF-SENTENCE";

    /** pattern's punctuation (its "''" is one character twice); '.' is handled on its own. */
    private static final String PUNCTUATION = ".,;:!?()[]{}`''\"@#$^&*+-|=~_";

    private static final Set<String> ABBREVIATIONS = Set.of(
            "a.", "adj.", "adv.", "al.", "a.m.", "c.", "cf.", "comp.", "conf.", "def.",
            "ed.", "e.g.", "esp.", "etc.", "ex.", "f.", "fig.", "gen.", "id.", "i.e.",
            "int.", "l.", "m.", "Med.", "Mil.", "Mr.", "n.", "n.q.", "orig.", "pl.",
            "pred.", "pres.", "p.m.", "ref.", "v.", "vs.", "w/");
    private static final int LONGEST_ABBREVIATION = 5;

    /** One-character tokens, shared. */
    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = String.valueOf(c).intern();
        }
    }

    /** The words of {@code text}, as TextBlob's sentiment analyzer sees them (not lower-cased). */
    List<String> words(String text) {
        List<String> tokens = new ArrayList<>(text.length() / 4 + 8);
        splitText(text, tokens);
        List<String> words = new ArrayList<>(tokens.size());
        StringBuilder sentence = new StringBuilder(Math.min(text.length() + 16, 1024));
        int start = 0;
        int j = 0;
        int n = tokens.size();
        while (j < n) {
            if (isTerminator(tokens.get(j))) {
                // The run of closers after a sentence end stays in that sentence. pattern stops
                // at a straight quote when the sentence so far holds an even number of them; it
                // counts in the sentence being started, which is always empty, so a straight
                // quote always stops the run.
                while (j < n && (isTerminator(tokens.get(j)) || isCloser(tokens.get(j)))) {
                    j++;
                }
                addSentence(tokens, start, j, sentence, words);
                start = j;
            }
            j++;
        }
        addSentence(tokens, start, n, sentence, words);
        return words;
    }

    /** "...", ".", "!", "?" or END-OF-SENTENCE: a token that ends a sentence. */
    private static boolean isTerminator(String token) {
        switch (token.length()) {
            case 1:
                char c = token.charAt(0);
                return c == '.' || c == '!' || c == '?';
            case 3:
                return token.equals("...");
            case 15:
                return token.equals(END_OF_SENTENCE);
            default:
                return false;
        }
    }

    /** ")", "”", "’": what a sentence end absorbs besides terminators. */
    private static boolean isCloser(String token) {
        if (token.length() != 1) {
            return false;
        }
        char c = token.charAt(0);
        return c == ')' || c == '\u201d' || c == '\u2019';
    }

    /**
     * Splits the text into whitespace-separated tokens, then splits each token's punctuation.
     * pattern first inserts spaces: before "n't" (its other contractions 'd 'm 's 'll 're 've
     * only add a space before an apostrophe, which the next step isolates anyway) and around
     * the quotes “ ” ‘ ’ ' " — so every raw token is a substring of the text. Whitespace is
     * Python's (str.isspace); a run with two or more newlines ("\r\n" counting as one) yields
     * an END-OF-SENTENCE token per such run.
     */
    private static void splitText(String text, List<String> tokens) {
        int length = text.length();
        int start = -1;
        int newlines = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isPythonSpace(c)) {
                if (start >= 0) {
                    splitPunctuation(text, start, i, tokens);
                    start = -1;
                }
                if (c == '\n') {
                    if (++newlines == 2) {
                        tokens.add(END_OF_SENTENCE);
                    }
                } else if (!(c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n')) {
                    newlines = 0;
                }
                continue;
            }
            newlines = 0;
            if (isQuote(c)) {
                if (start >= 0) {
                    splitPunctuation(text, start, i, tokens);
                    start = -1;
                }
                tokens.add(c < 128 ? ASCII[c] : String.valueOf(c));
            } else if (c == 'n' && text.startsWith("'t", i + 1)) {
                if (start >= 0) {
                    splitPunctuation(text, start, i, tokens);
                }
                start = i;
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            splitPunctuation(text, start, length, tokens);
        }
    }

    /**
     * pattern's per-token splitting of text[from, to): leading punctuation marks one by one,
     * then from the end: punctuation marks, an ellipsis (with any extra periods), and a final
     * period unless the token is an abbreviation. (pattern exempts its contraction keys such
     * as "'s" here; no token can equal one since apostrophes are already isolated.)
     */
    private static void splitPunctuation(String text, int from, int to, List<String> tokens) {
        int s = from;
        int e = to;
        while (s < e && isPunctuationExceptPeriod(text.charAt(s))) {
            tokens.add(ASCII[text.charAt(s)]);
            s++;
        }
        List<String> tail = null;
        while (s < e && (isPunctuationExceptPeriod(text.charAt(e - 1)) || text.charAt(e - 1) == '.')) {
            if (tail == null) {
                tail = new ArrayList<>(4);
            }
            char last = text.charAt(e - 1);
            if (isPunctuationExceptPeriod(last)) {
                tail.add(ASCII[last]);
                e--;
            }
            if (e - s >= 3 && text.startsWith("...", e - 3)) {
                tail.add("...");
                e -= 3;
                while (e > s && text.charAt(e - 1) == '.') {
                    e--;
                }
            }
            if (e > s && text.charAt(e - 1) == '.') {
                if (isAbbreviation(text, s, e)) {
                    break;
                }
                tail.add(".");
                e--;
            }
        }
        if (e > s) {
            tokens.add(text.substring(s, e));
        }
        if (tail != null) {
            for (int k = tail.size() - 1; k >= 0; k--) {
                tokens.add(tail.get(k));
            }
        }
    }

    /**
     * pattern's abbreviation test for a token ending in '.': its list, a single letter ("T."),
     * alternating letters and periods ("U.S."), or a capital followed by consonants ("Mr.",
     * "Dr."; its character class also admits '|').
     */
    private static boolean isAbbreviation(String text, int s, int e) {
        int length = e - s;
        if (length <= LONGEST_ABBREVIATION && ABBREVIATIONS.contains(text.substring(s, e))) {
            return true;
        }
        if (length % 2 == 0) {
            boolean letterPeriodPairs = true;
            for (int k = s; k < e && letterPeriodPairs; k += 2) {
                letterPeriodPairs = isAsciiLetter(text.charAt(k)) && text.charAt(k + 1) == '.';
            }
            if (letterPeriodPairs) {
                return true;
            }
        }
        if (length >= 3 && text.charAt(s) >= 'A' && text.charAt(s) <= 'Z') {
            for (int k = s + 1; k < e - 1; k++) {
                if ("bcdfghjklmnpqrstvwxz|".indexOf(text.charAt(k)) < 0) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Adds one sentence, tokens[from, to) without END-OF-SENTENCE markers, after pattern's
     * sarcasm "( ! )" → "(!)" and emoticon ": )" → ":)" substitutions, which work on the
     * sentence as a space-joined string.
     */
    private static void addSentence(List<String> tokens, int from, int to, StringBuilder joined,
            List<String> words) {
        int end = Math.min(to, tokens.size());
        joined.setLength(0);
        boolean first = true;
        for (int k = from; k < end; k++) {
            String token = tokens.get(k);
            if (token.equals(END_OF_SENTENCE)) {
                continue;
            }
            if (!first) {
                joined.append(' ');
            }
            joined.append(token);
            first = false;
        }
        if (first) {
            return;
        }
        // Most sentences match neither pattern: then no string is built and the tokens stay.
        String sarcasm = markSarcasm(joined);
        String emoticons = Emoticons.rejoin(sarcasm != null ? sarcasm : joined);
        String rewritten = emoticons != null ? emoticons : sarcasm;
        if (rewritten == null) {
            for (int k = from; k < end; k++) {
                if (!tokens.get(k).equals(END_OF_SENTENCE)) {
                    words.add(tokens.get(k));
                }
            }
        } else {
            splitOnSpaces(rewritten, words);
        }
    }

    /** "( ! )", "(! )", "( !)" → "(!)", leftmost first; null when none. */
    private static String markSarcasm(StringBuilder sentence) {
        int open = sentence.indexOf("(");
        if (open < 0) {
            return null;
        }
        StringBuilder out = null;
        int copied = 0;
        int length = sentence.length();
        while (open >= 0) {
            int q = open + 1;
            if (q < length && sentence.charAt(q) == ' ') {
                q++;
            }
            if (q < length && sentence.charAt(q) == '!') {
                q++;
                if (q < length && sentence.charAt(q) == ' ') {
                    q++;
                }
                if (q < length && sentence.charAt(q) == ')') {
                    if (out == null) {
                        out = new StringBuilder(length);
                    }
                    out.append(sentence, copied, open).append("(!)");
                    copied = q + 1;
                    open = sentence.indexOf("(", copied);
                    continue;
                }
            }
            open = sentence.indexOf("(", open + 1);
        }
        return out == null ? null : out.append(sentence, copied, length).toString();
    }

    private static void splitOnSpaces(String s, List<String> words) {
        int start = 0;
        int length = s.length();
        for (int i = 0; i <= length; i++) {
            if (i == length || s.charAt(i) == ' ') {
                if (i > start) {
                    words.add(s.substring(start, i));
                }
                start = i + 1;
            }
        }
    }

    private static boolean isPunctuationExceptPeriod(char c) {
        return c != '.' && c < 128 && PUNCTUATION.indexOf(c) >= 0;
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '\u201c' || c == '\u201d' || c == '\u2018' || c == '\u2019';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Python's str.isspace(), which is what pattern's \s and str.split() use. */
    static boolean isPythonSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        if (c < '\u0085') {
            return false;
        }
        return c == '\u0085' || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }
}
