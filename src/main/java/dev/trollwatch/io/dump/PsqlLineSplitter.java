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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        // ways[c][p]: number of valid splits (capped at MANY) of pieces p.. into columns c..
        // First with a cheap shape check for recent_comments ([ … ]); only when that leaves several
        // splits is each candidate span parsed as JSON. A unique shape-split with broken JSON is then
        // reported by the JSON parser when the row is decoded, which names the problem precisely.
        Search s = new Search(line, start, end, m, newWays(k, m), false);
        int total = s.count(0, 0);
        if (total > 1) {
            s = new Search(line, start, end, m, newWays(k, m), true);
            total = s.count(0, 0);
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

    private static int[][] newWays(int k, int m) {
        int[][] ways = new int[k + 1][m + 1];
        for (int[] row : ways) {
            Arrays.fill(row, -1);
        }
        return ways;
    }

    private final class Search {
        private final String line;
        private final int[] start;
        private final int[] end;
        private final int m;
        private final int[][] ways;
        private final Map<Long, Boolean> validJson = new HashMap<>();

        private final boolean strictJson;

        Search(String line, int[] start, int[] end, int m, int[][] ways, boolean strictJson) {
            this.strictJson = strictJson;
            this.line = line;
            this.start = start;
            this.end = end;
            this.m = m;
            this.ways = ways;
        }

        int count(int c, int p) {
            int k = types.length;
            if (c == k) {
                return p == m ? 1 : 0;
            }
            if (ways[c][p] >= 0) {
                return ways[c][p];
            }
            int total = 0;
            int maxLen = m - p - (k - c - 1);
            for (int len = 1; len <= maxLen && total < MANY; len++) {
                if (fits(c, p, p + len)) {
                    total = Math.min(MANY, total + count(c + 1, p + len));
                }
            }
            ways[c][p] = total;
            return total;
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
                    if (fits(c, p, p + len) && count(c + 1, p + len) > 0) {
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
                    return s == e || (line.charAt(s) == '[' && line.charAt(e - 1) == ']' && (!strictJson || isJsonArray(s, e)));
                }
                case BOOLEAN:
                    return b == a + 1 && isBoolean(start[a], end[a]);
                default:
                    return b == a + 1 && (isNumber(start[a], end[a]) || (gilded[c] && isBoolean(start[a], end[a])));
            }
        }

        /** Full syntax check, memoised: only runs for lines with extra '|', on spans shaped like [...]. */
        private boolean isJsonArray(int s, int e) {
            long key = ((long) s << 32) | e;
            return validJson.computeIfAbsent(key, k -> parsesAsArray(line.substring(s, e)));
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

    private static boolean parsesAsArray(String text) {
        try (JsonParser p = RecentCommentsParser.factory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String field(String line, int s, int e) {
        return s == e ? null : line.substring(s, e);
    }
}
