package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.file.AtomicOutput;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes comments as rows of one dump format, all 23 columns of {@code reddit_comments} in table
 * order. The header (if the format has one) is written on creation.
 *
 * <p>The caller owns the underlying stream: {@link #close()} writes any footer and flushes, but
 * does not close the stream (so the same code can write to stdout or to an {@link AtomicOutput}).
 */
public interface CommentWriter extends Closeable {
    /** Writes one row. */
    void write(Comment comment) throws IOException;

    /** Pushes buffered rows to the underlying stream. */
    void flush() throws IOException;

    /** Rows written so far. */
    long rowsWritten();

    /** Writes the footer (if any) and flushes; the underlying stream stays open. */
    @Override
    void close() throws IOException;
}
