package dev.trollwatch.io.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text of a {@code --query-file}, checked to be exactly one query before it reaches a driver: both
 * drivers run every statement of a multi-statement string, so a {@code COMMIT} or an {@code INSERT}
 * after a {@code ;} would otherwise be executed. The lexer knows what PostgreSQL and Redshift know
 * about where a {@code ;} is not a separator: quoted strings ({@code '…'}, {@code E'…'} with
 * backslash escapes), quoted identifiers, dollar quotes ({@code $tag$…$tag$}) and comments
 * ({@code --}, nested {@code /* … *}{@code /}).
 */
public final class QueryText {
    /** Statements that only read: what a read-only transaction accepts and that returns rows. */
    private static final Set<String> QUERY_KEYWORDS = Set.of("select", "with", "values", "table");

    private QueryText() {
    }

    /**
     * The single query in this text, without a trailing {@code ;}.
     *
     * @throws IllegalArgumentException when the text is empty, holds more than one statement, or its
     *                                  statement is not a query (SELECT, WITH, VALUES, TABLE)
     */
    public static String singleQuery(String text) {
        List<String> statements = statements(text);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("the query file holds no statement");
        }
        if (statements.size() > 1) {
            throw new IllegalArgumentException("the query file holds " + statements.size()
                    + " statements; export runs exactly one query (a single SELECT), in a read-only transaction");
        }
        String query = statements.get(0);
        String keyword = firstKeyword(query);
        if (!QUERY_KEYWORDS.contains(keyword)) {
            throw new IllegalArgumentException("the query file's statement starts with '" + keyword
                    + "'; export runs only a query (SELECT, WITH, VALUES or TABLE)");
        }
        return query;
    }

    /** The non-empty statements of the text (comments alone do not make one), each stripped. */
    static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ';') {
                addIfStatement(out, text.substring(start, i));
                start = ++i;
            } else {
                i = skipToken(text, i);
            }
        }
        addIfStatement(out, text.substring(start));
        return out;
    }

    private static void addIfStatement(List<String> out, String piece) {
        if (!withoutComments(piece).isBlank()) {
            out.add(piece.strip());
        }
    }

    /** Index just past the token starting at i: a quoted part, a comment, or one plain character. */
    private static int skipToken(String s, int i) {
        char c = s.charAt(i);
        if (c == '\'') {
            boolean escapes = i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e')
                    && (i < 2 || !Character.isLetterOrDigit(s.charAt(i - 2)) && s.charAt(i - 2) != '_');
            return skipQuoted(s, i, '\'', escapes);
        }
        if (c == '"') {
            return skipQuoted(s, i, '"', false);
        }
        if (c == '-' && s.startsWith("--", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end + 1;
        }
        if (c == '/' && s.startsWith("/*", i)) {
            return skipBlockComment(s, i);
        }
        if (c == '$') {
            String tag = dollarTag(s, i);
            if (tag != null) {
                int end = s.indexOf(tag, i + tag.length());
                if (end < 0) {
                    throw new IllegalArgumentException("the query file has an unterminated " + tag + " quote");
                }
                return end + tag.length();
            }
        }
        return i + 1;
    }

    private static int skipQuoted(String s, int i, char quote, boolean backslashEscapes) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
                    j += 2; // a doubled quote stands for one
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        throw new IllegalArgumentException("the query file has an unterminated " + quote + " quote");
    }

    private static int skipBlockComment(String s, int i) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            if (s.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (s.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        throw new IllegalArgumentException("the query file has an unterminated /* comment");
    }

    /** {@code $tag$} starting at i (tag: letters, digits, '_', not starting with a digit), or null ($1 etc.). */
    private static String dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
            return s.substring(i, j + 1);
        }
        return null;
    }

    private static String withoutComments(String piece) {
        StringBuilder sb = new StringBuilder(piece.length());
        int i = 0;
        while (i < piece.length()) {
            int next = skipToken(piece, i);
            boolean comment = piece.startsWith("--", i) || piece.startsWith("/*", i);
            if (comment) {
                sb.append(' '); // a comment separates words like white space does
            } else {
                sb.append(piece, i, next);
            }
            i = next;
        }
        return sb.toString();
    }

    /** The statement's first word, lower case, after comments and opening parentheses. */
    private static String firstKeyword(String statement) {
        String s = withoutComments(statement).strip();
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '(' || Character.isWhitespace(s.charAt(i)))) {
            i++;
        }
        int j = i;
        while (j < s.length() && Character.isLetter(s.charAt(j))) {
            j++;
        }
        return s.substring(i, j).toLowerCase(Locale.ROOT);
    }
}
