package dev.trollwatch.io;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * JSON Lines in the shape of the 2019 scoring API's request body: one compact object per line with
 * the 23 column names as keys in table order, numbers as floats ({@code 445850.0}), JSON booleans,
 * {@code null}, and {@code recent_comments} as a string holding the JSON array text.
 */
public final class JsonlCommentWriter implements CommentWriter {
    private static final String[] KEYS = keys();

    private final Writer writer;
    private final Object[] values = new Object[CommentValues.COLUMNS];
    private final StringBuilder line = new StringBuilder(16 * 1024);
    private long rows;

    public JsonlCommentWriter(OutputStream out) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void write(Comment comment) throws IOException {
        CommentValues.of(comment, values);
        line.setLength(0);
        line.append('{');
        for (int i = 0; i < values.length; i++) {
            line.append(KEYS[i]);
            Object v = values[i];
            if (v == null) {
                line.append("null");
            } else if (v instanceof Double d) {
                JsonText.appendFloat(line, d);
            } else if (v instanceof Boolean b) {
                line.append(b ? "true" : "false");
            } else {
                JsonText.appendString(line, (String) v);
            }
        }
        line.append("}\n");
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
        writer.flush();
    }

    /** {@code "name":} for each column, with the separating comma before all but the first. */
    private static String[] keys() {
        CommentColumn[] columns = CommentColumn.values();
        String[] keys = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            keys[i] = (i == 0 ? "\"" : ",\"") + columns[i].columnName() + "\":";
        }
        return keys;
    }
}
