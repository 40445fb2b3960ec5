package dev.trollwatch.io.dump;

import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.field.JsonText;
import java.io.OutputStream;

/**
 * JSON Lines in the shape of the 2019 scoring API's request body: one compact object per line with
 * the 23 column names as keys in table order, numbers as floats ({@code 445850.0}), JSON booleans,
 * {@code null}, and {@code recent_comments} as a string holding the JSON array text.
 */
public final class JsonlCommentWriter extends LineCommentWriter {
    private static final String[] KEYS = keys();

    public JsonlCommentWriter(OutputStream out) {
        super(out);
    }

    @Override
    protected void formatRow(Object[] values, StringBuilder line) {
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
