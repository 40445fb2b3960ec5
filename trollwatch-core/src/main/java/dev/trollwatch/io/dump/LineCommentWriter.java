package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.field.CommentValues;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The bookkeeping of a text format that writes one line per comment (psql, JSON Lines): a
 * buffered UTF-8 writer, one reused line buffer, the row count. Subclasses only format a row.
 */
abstract class LineCommentWriter implements CommentWriter {
    /** The underlying writer, for headers and footers. */
    protected final Writer writer;
    private final Object[] values = new Object[CommentValues.COLUMNS];
    private final StringBuilder line = new StringBuilder(16 * 1024);
    private long rows;

    LineCommentWriter(OutputStream out) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Appends one row, including its line end, given the 23 column values in table order. */
    protected abstract void formatRow(Object[] values, StringBuilder line);

    /** Written by {@link #close()} before the final flush; none by default. */
    protected String footer(long rowsWritten) {
        return "";
    }

    @Override
    public final void write(Comment comment) throws IOException {
        CommentValues.of(comment, values);
        line.setLength(0);
        formatRow(values, line);
        writer.append(line);
        rows++;
    }

    @Override
    public final void flush() throws IOException {
        writer.flush();
    }

    @Override
    public final long rowsWritten() {
        return rows;
    }

    @Override
    public final void close() throws IOException {
        writer.write(footer(rows));
        writer.flush();
    }
}
