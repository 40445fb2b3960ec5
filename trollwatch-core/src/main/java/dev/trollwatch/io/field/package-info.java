/**
 * Field codecs shared by every row format, the JDBC reader, {@code serve} and {@code generate}:
 * where each column sits in a header ({@link dev.trollwatch.io.field.ColumnLayout}), one column's
 * text to a typed value and a row of values to a {@link dev.trollwatch.comment.Comment}
 * ({@link dev.trollwatch.io.field.CommentAssembly}), the {@code recent_comments} JSON in both
 * directions, one JSON object to a comment ({@link dev.trollwatch.io.field.CommentJsonMapper}),
 * Python-compatible float text, and the errors naming file, line and column
 * ({@link dev.trollwatch.io.field.DataFormatException}). Uses {@code comment} only.
 */
package dev.trollwatch.io.field;
