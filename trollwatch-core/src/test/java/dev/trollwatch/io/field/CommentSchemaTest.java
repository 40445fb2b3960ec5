package dev.trollwatch.io.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trollwatch.comment.ColumnType;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.comment.RecentComment;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The row types, the column list and the code that fills them by position agree column by column,
 * so that swapping two columns anywhere (even two of the same type) fails here: each column's
 * record component has the column's name and type, {@link CommentAssembly} puts a value where the
 * accessor of that name returns it, and {@link CommentValues} reads it back into the same position.
 */
class CommentSchemaTest {
    private static String componentName(CommentColumn c) {
        String[] parts = c.columnName().split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(parts[i].substring(0, 1).toUpperCase(Locale.ROOT)).append(parts[i].substring(1));
        }
        return sb.toString();
    }

    private static Class<?> javaType(ColumnType t) {
        return switch (t) {
            case TEXT -> String.class;
            case BOOLEAN -> Boolean.class;
            case FLOAT -> Double.class;
            case JSON_ARRAY -> String.class; // the column's text; the parsed list is an extra component
        };
    }

    /** A value for column {@code c} that no other column gets. */
    private static Object marker(CommentColumn c) {
        return switch (c.type()) {
            case TEXT -> "value of " + c.columnName();
            case FLOAT -> (double) (c.ordinal() + 1000);
            case BOOLEAN, JSON_ARRAY -> null; // booleans cannot be told apart by value: see below
        };
    }

    @Test
    void commentComponentsAreTheColumnsInTableOrder() {
        List<String> expected = new ArrayList<>();
        for (CommentColumn c : CommentColumn.values()) {
            expected.add(c == CommentColumn.RECENT_COMMENTS ? "recentCommentsJson" : componentName(c));
        }
        expected.add(CommentColumn.IS_TRAINING.ordinal(), "recentComments");
        List<String> found = new ArrayList<>();
        for (RecordComponent rc : Comment.class.getRecordComponents()) {
            found.add(rc.getName());
        }
        assertEquals(expected, found);
        for (CommentColumn c : CommentColumn.values()) {
            int index = c == CommentColumn.IS_TRAINING ? c.ordinal() + 1 : c.ordinal(); // after the parsed list
            RecordComponent rc = Comment.class.getRecordComponents()[index];
            assertEquals(javaType(c.type()), rc.getType(), c.columnName());
        }
    }

    @Test
    void recentCommentComponentsAreTheFirst19Columns() {
        RecordComponent[] rc = RecentComment.class.getRecordComponents();
        assertEquals(CommentColumn.RECENT_COMMENT_KEYS.size(), rc.length);
        for (CommentColumn c : CommentColumn.RECENT_COMMENT_KEYS) {
            assertEquals(componentName(c), rc[c.ordinal()].getName());
            assertEquals(javaType(c.type()), rc[c.ordinal()].getType(), c.columnName());
        }
    }

    @Test
    void assemblyAndValuesKeepEveryColumnInItsPlace() throws ReflectiveOperationException {
        for (CommentColumn c : CommentColumn.values()) {
            if (c == CommentColumn.RECENT_COMMENTS) {
                continue; // passed separately, as text and as a list
            }
            Object[] in = new Object[CommentColumn.values().length];
            for (CommentColumn o : CommentColumn.values()) {
                in[o.ordinal()] = marker(o);
            }
            if (c.type() == ColumnType.BOOLEAN) {
                in[c.ordinal()] = Boolean.TRUE; // the only non-null boolean: it must come back in its place
            }
            Comment comment = CommentAssembly.comment(in, "[]", List.of());
            Object viaAccessor = Comment.class.getMethod(componentName(c)).invoke(comment);
            assertEquals(in[c.ordinal()], viaAccessor, c.columnName() + " via its accessor");
            Object[] out = CommentValues.of(comment, new Object[in.length]);
            assertEquals(in[c.ordinal()], out[c.ordinal()], c.columnName() + " read back");
            if (c.ordinal() < CommentColumn.RECENT_COMMENT_KEYS.size()) {
                RecentComment recent = CommentAssembly.recent(in);
                assertEquals(in[c.ordinal()], RecentComment.class.getMethod(componentName(c)).invoke(recent),
                        c.columnName() + " in a recent comment");
            }
        }
    }
}
