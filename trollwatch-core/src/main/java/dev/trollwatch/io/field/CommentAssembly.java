package dev.trollwatch.io.field;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.comment.RecentComment;
import java.util.List;

/** Builds the record types from values indexed by {@link CommentColumn#ordinal()}. */
public final class CommentAssembly {
    private CommentAssembly() {
    }

    public static Comment comment(Object[] v, String recentJson, List<RecentComment> recent) {
        return new Comment(
                (String) v[0], (Boolean) v[1], (String) v[2], (Double) v[3], (String) v[4],
                (Boolean) v[5], (Double) v[6], (Double) v[7], (Double) v[8], (Double) v[9],
                (Double) v[10], (Boolean) v[11], (String) v[12], (Double) v[13], (Boolean) v[14],
                (Double) v[15], (Double) v[16], (String) v[17], (Double) v[18], (Boolean) v[19],
                (Boolean) v[20], recentJson, recent, (Boolean) v[22]);
    }

    static RecentComment recent(Object[] v) {
        return new RecentComment(
                (String) v[0], (Boolean) v[1], (String) v[2], (Double) v[3], (String) v[4],
                (Boolean) v[5], (Double) v[6], (Double) v[7], (Double) v[8], (Double) v[9],
                (Double) v[10], (Boolean) v[11], (String) v[12], (Double) v[13], (Boolean) v[14],
                (Double) v[15], (Double) v[16], (String) v[17], (Double) v[18]);
    }

    /** Parses one text value for a column of the table (gilded may be boolean or number). */
    public static Object parse(CommentColumn column, String text) {
        switch (column.type()) {
            case BOOLEAN:
                return FieldParsers.parseBoolean(column.columnName(), text);
            case FLOAT:
                return column == CommentColumn.GILDED
                        ? FieldParsers.parseGilded(column.columnName(), text)
                        : FieldParsers.parseDouble(column.columnName(), text);
            default:
                return text;
        }
    }
}
