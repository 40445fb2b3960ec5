package dev.trollwatch.comment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The columns of {@code reddit_comments}, in table order, with their types. */
public enum CommentColumn {
    BANNED_BY(ColumnType.TEXT),
    NO_FOLLOW(ColumnType.BOOLEAN),
    LINK_ID(ColumnType.TEXT),
    GILDED(ColumnType.FLOAT),
    AUTHOR(ColumnType.TEXT),
    AUTHOR_VERIFIED(ColumnType.BOOLEAN),
    AUTHOR_COMMENT_KARMA(ColumnType.FLOAT),
    AUTHOR_LINK_KARMA(ColumnType.FLOAT),
    NUM_COMMENTS(ColumnType.FLOAT),
    CREATED_UTC(ColumnType.FLOAT),
    SCORE(ColumnType.FLOAT),
    OVER_18(ColumnType.BOOLEAN),
    BODY(ColumnType.TEXT),
    DOWNS(ColumnType.FLOAT),
    IS_SUBMITTER(ColumnType.BOOLEAN),
    NUM_REPORTS(ColumnType.FLOAT),
    CONTROVERSIALITY(ColumnType.FLOAT),
    QUARANTINE(ColumnType.TEXT),
    UPS(ColumnType.FLOAT),
    IS_BOT(ColumnType.BOOLEAN),
    IS_TROLL(ColumnType.BOOLEAN),
    RECENT_COMMENTS(ColumnType.JSON_ARRAY),
    IS_TRAINING(ColumnType.BOOLEAN);

    /** The 19 keys each entry of {@code recent_comments} carries: the first 19 columns. */
    public static final List<CommentColumn> RECENT_COMMENT_KEYS = List.copyOf(Arrays.asList(values()).subList(0, 19));

    private final ColumnType type;
    private final String columnName;

    CommentColumn(ColumnType type) {
        this.type = type;
        this.columnName = name().toLowerCase(Locale.ROOT);
    }

    public ColumnType type() {
        return type;
    }

    /** The column's name in the table and in dump headers, e.g. {@code author_comment_karma}. */
    public String columnName() {
        return columnName;
    }

    /** The column with this header name, or null. */
    public static CommentColumn byName(String name) {
        for (CommentColumn c : values()) {
            if (c.columnName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
