package dev.trollwatch.io;

import dev.trollwatch.comment.Comment;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * What {@code psql -A} prints for {@code select * from reddit_comments}: a header of column
 * names, fields joined by {@code |} with no quoting or escaping at all, booleans {@code t}/{@code f},
 * null as an empty string, float8 as PostgreSQL prints it ({@code 917}), and a footer
 * {@code (N rows)} ({@code (1 row)}). Lines end in LF.
 */
public final class PsqlCommentWriter implements CommentWriter {
    private final Writer writer;
    private final Object[] values = new Object[CommentValues.COLUMNS];
    private final StringBuilder line = new StringBuilder(16 * 1024);
    private long rows;

    public PsqlCommentWriter(OutputStream out) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(String.join("|", CsvCommentWriter.columnNames()));
        writer.write('\n');
    }

    @Override
    public void write(Comment comment) throws IOException {
        CommentValues.of(comment, values);
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('|');
            }
            Object v = values[i];
            if (v instanceof Double d) {
                FloatText.appendPostgres(line, d);
            } else if (v instanceof Boolean b) {
                line.append(b ? 't' : 'f');
            } else if (v != null) {
                line.append((String) v);
            }
        }
        line.append('\n');
        writer.append(line);
        rows++;
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public long rowsWritten() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        writer.write(rows == 1 ? "(1 row)\n" : "(" + rows + " rows)\n");
        writer.flush();
    }
}
