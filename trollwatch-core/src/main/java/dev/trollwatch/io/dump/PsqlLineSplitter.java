package dev.trollwatch.io.dump;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.trollwatch.comment.ColumnType;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.field.ColumnLayout;
import dev.trollwatch.io.field.FieldParsers;
import dev.trollwatch.io.field.InvalidFieldException;
import dev.trollwatch.io.field.RecentCommentsParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one {@code psql -A} data line into its columns. psql joins fields with '|' and never quotes,
 * so a '|' inside {@code body}, {@code recent_comments} or another text column looks like a separator.
 * The true boundaries are the split where every column fits its type: booleans are t/f/empty, floats
 * numeric/empty, {@code recent_comments} empty or a syntactically valid JSON array, text anything. A line with no such
 * split, or with more than one, is reported.
 */
final class PsqlLineSplitter {
    private static final int MANY = 2;

    private final ColumnType[] types;
    private final boolean[] gilded;
    private final String[] names;

    /** @param layout the header; columns it does not know are treated as free text */
    PsqlLineSplitter(ColumnLayout layout) {
        int k = layout.width();
        types = new ColumnType[k];
        gilded = new boolean[k];
        names = new String[k];
        for (int i = 0; i < k; i++) {
            CommentColumn c = layout.columnAt(i);
            types[i] = c == null ? ColumnType.TEXT : c.type();
            gilded[i] = c == CommentColumn.GILDED;
            names[i] = layout.header().get(i);
        }
    }

    /** The line's fields, empty ones as null; throws {@link InvalidFieldException} when it cannot split. */
    String[] split(String line) {
        int k = types.length;
        List<Integer> starts = new ArrayList<>(k + 8);
        starts.add(0);
        for (int i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) {
            starts.add(i + 1);
        }
        int m = starts.size();
        if (m < k) {
            throw new InvalidFieldException(null, k + " fields separated by '|'", m + " field" + (m == 1 ? "" : "s"));
        }
        int[] start = new int[m];
        int[] end = new int[m];
        for (int i = 0; i < m; i++) {
            start[i] = starts.get(i);
            end[i] = i + 1 < m ? starts.get(i + 1) - 1 : line.length();
        }
        if (m == k) {
            String[] out = new String[k];
            for (int i = 0; i < k; i++) {
                out[i] = field(line, start[i], end[i]);
            }
            return out; // the only possible split; types are checked when the row is decoded
        }
        return resolve(line, start, end, m);
    }

    private String[] resolve(String line, int[] start, int[] end, int m) {
        int k = types.length;
        // First with a cheap shape check for recent_comments ([ … ]); only when that leaves several
        // splits is each candidate span parsed as JSON. A unique shape-split with broken JSON is then
        // reported by the JSON parser when the row is decoded, which names the problem precisely.
        Search s = new Search(line, start, end, m, false);
        int total = s.count();
        if (total > 1) {
            s = new Search(line, start, end, m, true);
            total = s.count();
        }
        if (total == 0) {
            throw new InvalidFieldException(null, "a split into " + k
                    + " columns where booleans are t/f, floats numeric and recent_comments a [...] array",
                    "none fits (" + (m - 1) + " '|' characters)");
        }
        int[] first = s.path(false);
        if (total > 1) {
            int[] last = s.path(true);
            int c = 0;
            while (first[c + 1] == last[c + 1]) {
                c++;
            }
            String one = line.substring(start[first[c]], end[first[c + 1] - 1]);
            String other = line.substring(start[last[c]], end[last[c + 1] - 1]);
            throw new InvalidFieldException(names[c], "one way to split the line at '|'",
                    "an ambiguous line: it could be " + InvalidFieldException.quote(one) + " or "
                            + InvalidFieldException.quote(other) + " (both splits fit every column's type)");
        }
        String[] out = new String[k];
        for (int c = 0; c < k; c++) {
            out[c] = field(line, start[first[c]], end[first[c + 1] - 1]);
        }
        return out;
    }

    /**
     * Counts the splits of the line's m pieces into the k columns, bottom-up, saturating at
     * {@link #MANY}: ways[c][p] is the number of valid splits of pieces p.. into columns c... A text
     * column may take any number of pieces, so its count is a suffix sum of the next column's; a
     * recent_comments column starts at a '[' and ends at a piece ending in ']' (shape) or, strictly,
     * at the one place where the JSON array opened there closes. That keeps the work at O(k·m) for
     * any number of '|' characters, instead of trying every span of every text column.
     */
    private final class Search {
        private final String line;
        private final char[] chars;
        private final int[] start;
        private final int[] end;
        private final int m;
        private final int[][] ways;
        private final boolean strictJson;
        /** Per piece: the piece index just past the JSON array opening there (strict mode), -1 none, 0 unknown. */
        private final int[] arrayEndPiece;

        Search(String line, int[] start, int[] end, int m, boolean strictJson) {
            this.line = line;
            this.chars = strictJson ? line.toCharArray() : null;
            this.start = start;
            this.end = end;
            this.m = m;
            this.strictJson = strictJson;
            this.ways = new int[types.length + 1][m + 1];
            this.arrayEndPiece = strictJson ? new int[m] : null;
        }

        int count() {
            int k = types.length;
            ways[k][m] = 1;
            for (int c = k - 1; c >= 0; c--) {
                int[] next = ways[c + 1];
                int[] here = ways[c];
                int suffix = 0; // saturating sum of next[b] for b > p (text), or of spans closing in ']'
                for (int p = m - 1; p >= 0; p--) {
                    switch (types[c]) {
                        case TEXT:
                            suffix = Math.min(MANY, suffix + next[p + 1]);
                            here[p] = suffix;
                            break;
                        case JSON_ARRAY:
                            if (!strictJson && end[p] > start[p] && line.charAt(end[p] - 1) == ']') {
                                suffix = Math.min(MANY, suffix + next[p + 1]);
                            }
                            here[p] = jsonWays(p, next, suffix);
                            break;
                        default:
                            here[p] = fits(c, p, p + 1) ? next[p + 1] : 0;
                    }
                }
            }
            return ways[0][0];
        }

        /** Splits where recent_comments starts at piece p: empty, or an array (shape or strict). */
        private int jsonWays(int p, int[] next, int closingSuffix) {
            if (start[p] == end[p]) {
                return next[p + 1];
            }
            if (line.charAt(start[p]) != '[') {
                return 0;
            }
            if (!strictJson) {
                return closingSuffix;
            }
            int b = arrayEnd(p);
            return b < 0 ? 0 : next[b];
        }

        /** Piece index just past the JSON array that opens at piece p, if it closes at a piece end; else -1. */
        private int arrayEnd(int p) {
            if (arrayEndPiece[p] == 0) {
                arrayEndPiece[p] = findArrayEnd(p);
            }
            return arrayEndPiece[p];
        }

        private int findArrayEnd(int p) {
            int s = start[p];
            try (JsonParser parser = RecentCommentsParser.factory().createParser(chars, s, chars.length - s)) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    return -1;
                }
                parser.skipChildren();
                int close = s + (int) parser.getTokenLocation().getCharOffset() + 1;
                int b = Arrays.binarySearch(end, p, m, close);
                return b >= 0 ? b + 1 : -1;
            } catch (IOException e) {
                return -1;
            }
        }

        /** Piece index where each column starts (plus m at the end), choosing the first or last valid span. */
        int[] path(boolean fromLongest) {
            int k = types.length;
            int[] at = new int[k + 1];
            int p = 0;
            for (int c = 0; c < k; c++) {
                at[c] = p;
                int maxLen = m - p - (k - c - 1);
                int chosen = -1;
                for (int i = 1; i <= maxLen; i++) {
                    int len = fromLongest ? maxLen + 1 - i : i;
                    if (ways[c + 1][p + len] > 0 && fits(c, p, p + len)) {
                        chosen = len;
                        break;
                    }
                }
                p += chosen;
            }
            at[k] = p;
            return at;
        }

        /** Whether pieces [a, b) can be column c. */
        boolean fits(int c, int a, int b) {
            switch (types[c]) {
                case TEXT:
                    return true;
                case JSON_ARRAY: {
                    int s = start[a];
                    int e = end[b - 1];
                    if (s == e) {
                        return true;
                    }
                    if (line.charAt(s) != '[' || line.charAt(e - 1) != ']') {
                        return false;
                    }
                    return !strictJson || arrayEnd(a) == b;
                }
                case BOOLEAN:
                    return b == a + 1 && isBoolean(start[a], end[a]);
                default:
                    return b == a + 1 && (isNumber(start[a], end[a]) || (gilded[c] && isBoolean(start[a], end[a])));
            }
        }

        private boolean isBoolean(int s, int e) {
            return s == e || FieldParsers.booleanOrNull(line.substring(s, e)) != null;
        }

        private boolean isNumber(int s, int e) {
            if (s == e) {
                return true;
            }
            String v = line.substring(s, e);
            return FieldParsers.looksNumeric(v) || v.equalsIgnoreCase("nan");
        }
    }

    private static String field(String line, int s, int e) {
        return s == e ? null : line.substring(s, e);
    }
}
