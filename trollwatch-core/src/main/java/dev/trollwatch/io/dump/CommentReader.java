package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.field.ColumnLayout;
import dev.trollwatch.io.field.DataFormatException;
import java.util.Iterator;
import java.util.Set;

/**
 * A stream of typed rows from one dump, opened by {@link CommentReaders#open}. Rows are parsed lazily;
 * a malformed row throws a {@link DataFormatException} from {@link #hasNext()}/{@link #next()} (policy
 * FAIL) or is logged and counted (policy SKIP). I/O failures surface as {@link java.io.UncheckedIOException}.
 *
 * <pre>{@code
 * try (CommentReader r = CommentReaders.open(new FileInputStream(file), name, null, ErrorPolicy.FAIL)) {
 *     while (r.hasNext()) { Comment c = r.next(); ... }
 * }
 * }</pre>
 */
public interface CommentReader extends Iterator<Comment>, AutoCloseable {
    /** The input's name for messages (the path as given, or {@code <stdin>}). */
    String fileName();

    /** The format being read (detected or forced); null when the rows come from a database query. */
    InputFormat format();

    /** The known columns the dump carries (for JSON Lines: the keys of its first row), in table order. */
    Set<CommentColumn> columns();

    /** True when both label columns ({@code is_bot}, {@code is_troll}) are present. */
    default boolean hasLabels() {
        return columns().containsAll(ColumnLayout.LABELS);
    }

    /** The 1-based line where the row last returned by {@link #next()} starts (0 before the first). */
    long lineNumber();

    /** Rows returned so far. */
    long rowsRead();

    /** Malformed rows skipped so far (policy SKIP). */
    long skippedRows();

    @Override
    void close();
}
