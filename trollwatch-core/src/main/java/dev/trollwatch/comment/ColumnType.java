package dev.trollwatch.comment;

/** The SQL-level type of a {@code reddit_comments} column, as Redshift stores it. */
public enum ColumnType {
    /** varchar; null allowed. */
    TEXT,
    /** boolean; accepted spellings true/false/t/f/1/0/True/False. */
    BOOLEAN,
    /** float8; integral values may be written without a fraction. */
    FLOAT,
    /** varchar holding a JSON array of {@link RecentComment}s. */
    JSON_ARRAY
}
