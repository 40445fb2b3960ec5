package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.field.DataFormatException;
import dev.trollwatch.io.field.DumpStructureException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** The iteration, error-policy and bookkeeping shared by all readers; subclasses parse one row at a time. */
public abstract class AbstractCommentReader implements CommentReader {
    private final String fileName;
    private final InputFormat format;
    private final BadRowHandler badRows;
    private final Closeable input;
    private Comment pending;
    private long pendingLine;
    private long lineNumber;
    private long rowsRead;
    private boolean finished;

    /** The longest record a subclass may read, in characters ({@link ErrorPolicy#maxRecordChars()}). */
    protected final int maxRecordChars;

    /** @param format the dump format, or null for rows from a database */
    protected AbstractCommentReader(String fileName, InputFormat format, ErrorPolicy policy, Closeable input) {
        this.fileName = fileName;
        this.format = format;
        this.badRows = new BadRowHandler(policy, fileName);
        this.maxRecordChars = policy.maxRecordChars();
        this.input = input;
    }

    /**
     * Parses the next row, or returns null at the end of the input (after checking any footer).
     * Throws {@link DataFormatException} for a malformed row, leaving the source positioned after it.
     */
    protected abstract Comment readRow() throws IOException;

    /** Line where the row {@link #readRow()} last returned (or failed on) starts. */
    protected abstract long rowLine();

    @Override
    public final boolean hasNext() {
        while (pending == null && !finished) {
            try {
                Comment c = readRow();
                if (c == null) {
                    finished = true;
                    badRows.summarise(rowsRead);
                    badRows.requireSomeRowGood(rowsRead);
                } else {
                    pending = c;
                    pendingLine = rowLine();
                }
            } catch (DataFormatException e) {
                badRows.handle(e);
            } catch (CorruptTextException e) {
                throw new DumpStructureException(fileName, e.line(), e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(fileName + ": " + e.getMessage(), e);
            }
        }
        return pending != null;
    }

    @Override
    public final Comment next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Comment c = pending;
        pending = null;
        lineNumber = pendingLine;
        rowsRead++;
        return c;
    }

    @Override
    public final String fileName() {
        return fileName;
    }

    @Override
    public final InputFormat format() {
        return format;
    }

    @Override
    public final long lineNumber() {
        return lineNumber;
    }

    @Override
    public final long rowsRead() {
        return rowsRead;
    }

    @Override
    public final long skippedRows() {
        return badRows.skipped();
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            // Reading is over; nothing was written, so a close failure loses nothing.
        }
    }
}
