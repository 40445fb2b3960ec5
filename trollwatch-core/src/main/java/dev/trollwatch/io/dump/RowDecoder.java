package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.comment.RecentComment;
import dev.trollwatch.io.field.ColumnLayout;
import dev.trollwatch.io.field.CommentAssembly;
import dev.trollwatch.io.field.InvalidFieldException;
import dev.trollwatch.io.field.RecentCommentsWindows;
import java.util.List;

/**
 * Turns the text fields of one tabular row (CSV or psql) into a {@link Comment}, by header position.
 * Public so that readers outside this package (the Spark job's Parquet input) decode values the same way.
 */
public final class RowDecoder {
    private static final CommentColumn[] COLUMNS = CommentColumn.values();

    private final ColumnLayout layout;
    private final int[] index;
    private final RecentCommentsWindows windows = new RecentCommentsWindows(RecentCommentsWindows.DEFAULT_AUTHORS);

    public RowDecoder(ColumnLayout layout) {
        this.layout = layout;
        this.index = new int[COLUMNS.length];
        for (CommentColumn c : COLUMNS) {
            index[c.ordinal()] = layout.indexOf(c);
        }
    }

    /** Decodes fields (null = empty/NULL); throws {@link InvalidFieldException} naming the bad column. */
    public Comment decode(String[] fields, int count) {
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
                // author (an earlier column in this loop) is decoded already
                recent = windows.parse((String) values[CommentColumn.AUTHOR.ordinal()], text);
            } else {
                values[c.ordinal()] = CommentAssembly.parse(c, text);
            }
        }
        return CommentAssembly.comment(values, recentJson, recent);
    }
}
