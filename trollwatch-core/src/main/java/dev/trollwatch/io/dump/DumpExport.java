package dev.trollwatch.io.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * Copies rows from any {@link CommentReader} (a dump file or a database query) into the clean CSV form
 * the rest of the toolkit writes ({@link CsvCommentWriter}: RFC 4180, the 23 columns in table order,
 * {@code recent_comments} text as read). A file appears at its destination only when every row was
 * copied; any failure leaves nothing there.
 */
public final class DumpExport {
    private static final int PROGRESS_EVERY = 1000;

    /** What was copied. */
    public record Result(long rows, long skipped) {
    }

    private DumpExport() {
    }

    /** Writes clean CSV to a stream the caller owns (e.g. stdout); flushed, not closed. */
    public static Result toStream(CommentReader reader, OutputStream out, LongConsumer progress) throws IOException {
        Result r = copy(reader, out, progress);
        out.flush();
        return r;
    }

    private static Result copy(CommentReader reader, OutputStream out, LongConsumer progress) throws IOException {
        CommentWriter writer = new CsvCommentWriter(out);
        long pending = 0;
        while (reader.hasNext()) {
            writer.write(reader.next());
            if (++pending == PROGRESS_EVERY) {
                progress.accept(pending);
                pending = 0;
            }
        }
        progress.accept(pending);
        writer.close();
        return new Result(writer.rowsWritten(), reader.skippedRows());
    }
}
