package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.comment.RecentComment;
import dev.trollwatch.io.field.ColumnLayout;
import dev.trollwatch.io.field.CommentAssembly;
import dev.trollwatch.io.field.InvalidFieldException;
import dev.trollwatch.io.field.RecentCommentsParser;
import java.util.List;

/** Turns the text fields of one tabular row (CSV or psql) into a {@link Comment}, by header position. */
final class RowDecoder {
    private static final CommentColumn[] COLUMNS = CommentColumn.values();

    private final ColumnLayout layout;
    private final int[] index;

    RowDecoder(ColumnLayout layout) {
        this.layout = layout;
        this.index = new int[COLUMNS.length];
        for (CommentColumn c : COLUMNS) {
            index[c.ordinal()] = layout.indexOf(c);
        }
    }

    /** Decodes fields (null = empty/NULL); throws {@link InvalidFieldException} naming the bad column. */
    Comment decode(String[] fields, int count) {
        if (count != layout.width()) {
            throw new InvalidFieldException(null, layout.width() + " fields (as in the header)", count + " fields");
        }
        Object[] values = new Object[COLUMNS.length];
        String recentJson = null;
        List<RecentComment> recent = List.of();
        for (CommentColumn c : COLUMNS) {
            int i = index[c.ordinal()];
            if (i < 0) {
                continue;
            }
            String text = fields[i];
            if (c == CommentColumn.RECENT_COMMENTS) {
                recentJson = text;
                recent = RecentCommentsParser.parse(text);
            } else {
                values[c.ordinal()] = CommentAssembly.parse(c, text);
            }
        }
        return CommentAssembly.comment(values, recentJson, recent);
    }
}
