package dev.trollwatch.io.jdbc;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.comment.RecentComment;
import dev.trollwatch.io.field.CommentAssembly;
import dev.trollwatch.io.field.InvalidFieldException;
import dev.trollwatch.io.field.RecentCommentsParser;
import java.util.List;

/**
 * JDBC column values → {@link Comment}. Whatever SQL type a column has (bool, float8, varchar, json),
 * the value is checked against the column's type like a dump field: Boolean/Number as such, text with
 * the dump parsers (so a varchar {@code 't'} is a boolean and {@code '1.5'} a number).
 */
public final class JdbcValues {
    private static final int COLUMNS = CommentColumn.values().length;

    private JdbcValues() {
    }

    /**
     * @param columnAt the known column at each result position (null = ignore)
     * @param values   {@code ResultSet.getObject} at each position
     */
    public static Comment toComment(CommentColumn[] columnAt, Object[] values) {
        Object[] v = new Object[COLUMNS];
        String recentJson = null;
        List<RecentComment> recent = List.of();
        for (int i = 0; i < columnAt.length; i++) {
            CommentColumn c = columnAt[i];
            if (c == null || values[i] == null) {
                continue;
            }
            Object o = values[i];
            if (c == CommentColumn.RECENT_COMMENTS) {
                recentJson = o.toString();
                recent = RecentCommentsParser.parse(recentJson);
            } else {
                v[c.ordinal()] = value(c, o);
            }
        }
        return CommentAssembly.comment(v, recentJson, recent);
    }

    private static Object value(CommentColumn c, Object o) {
        switch (c.type()) {
            case BOOLEAN:
                if (o instanceof Boolean) {
                    return o;
                }
                return CommentAssembly.parse(c, o.toString());
            case FLOAT:
                if (o instanceof Number n) {
                    double d = n.doubleValue();
                    if (Double.isInfinite(d)) {
                        // float8 'Infinity', or a numeric past double's range: the CSV writer would
                        // write "inf", which no dump reader takes (a dump's 1e400 is malformed too)
                        throw new InvalidFieldException(c.columnName(), "a finite number", o instanceof Double
                                ? String.valueOf(d) : InvalidFieldException.quote(o.toString()) + " (too large for a double)");
                    }
                    return Double.isNaN(d) ? null : d;
                }
                if (o instanceof Boolean b && c == CommentColumn.GILDED) {
                    return b ? 1.0 : 0.0;
                }
                return CommentAssembly.parse(c, o.toString());
            default:
                return o.toString();
        }
    }
}
