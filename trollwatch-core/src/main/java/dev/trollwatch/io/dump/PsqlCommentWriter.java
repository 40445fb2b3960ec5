package dev.trollwatch.io.dump;

import dev.trollwatch.io.field.FloatText;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What {@code psql -A} prints for {@code select * from reddit_comments}: a header of column
 * names, fields joined by {@code |} with no quoting or escaping at all, booleans {@code t}/{@code f},
 * null as an empty string, float8 as PostgreSQL prints it ({@code 917}), and a footer
 * {@code (N rows)} ({@code (1 row)}). Lines end in LF.
 */
public final class PsqlCommentWriter extends LineCommentWriter {
    public PsqlCommentWriter(OutputStream out) throws IOException {
        super(out);
        writer.write(String.join("|", CsvCommentWriter.columnNames()));
        writer.write('\n');
    }

    @Override
    protected void formatRow(Object[] values, StringBuilder line) {
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
    }

    @Override
    protected String footer(long rows) {
        return rows == 1 ? "(1 row)\n" : "(" + rows + " rows)\n";
    }
}
