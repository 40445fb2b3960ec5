package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.field.CommentValues;
import dev.trollwatch.io.field.FloatText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (CRLF, quotes only where needed, {@code ""} inside quotes) with a header of the 23
 * column names; booleans {@code true}/{@code false}; null = empty field; floats as Python prints
 * them ({@code 917.0}); {@code gilded} as an integer, as the 2019 producer wrote it. An empty
 * string is written {@code ""}, so it stays distinct from NULL (an empty unquoted field).
 */
public final class CsvCommentWriter implements CommentWriter {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(columnNames())
            .get();

    private final Writer writer;
    private final CharBufferAppendable buffer;
    private final CSVPrinter printer;
    private final Object[] values = new Object[CommentValues.COLUMNS];
    private final StringBuilder number = new StringBuilder(32);
    private long rows;

    public CsvCommentWriter(OutputStream out) throws IOException {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.buffer = new CharBufferAppendable(writer, 1 << 16);
        this.printer = new CSVPrinter(buffer, FORMAT);
    }

    @Override
    public void write(Comment comment) throws IOException {
        CommentValues.of(comment, values);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Double d) {
                number.setLength(0);
                if (i == CommentValues.GILDED && d == Math.rint(d) && Math.abs(d) < 1e15) {
                    number.append(d.longValue());
                } else {
                    FloatText.appendPython(number, d);
                }
                printer.print(number);
            } else if (v instanceof Boolean b) {
                printer.print(b ? "true" : "false");
            } else if (i > 0 && v instanceof String text && text.isEmpty()) {
                // commons-csv leaves an empty string unquoted mid-record, where it would read back as NULL;
                // the printer writes straight through to this buffer, so the field can be written here.
                buffer.append(",\"\"");
            } else {
                printer.print(v);
            }
        }
        printer.println();
        rows++;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
        writer.flush();
    }

    @Override
    public long rowsWritten() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        printer.flush();
        writer.flush();
    }

    static String[] columnNames() {
        CommentColumn[] columns = CommentColumn.values();
        String[] names = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            names[i] = columns[i].columnName();
        }
        return names;
    }
}
