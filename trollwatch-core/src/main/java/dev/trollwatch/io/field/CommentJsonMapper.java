package dev.trollwatch.io.field;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.comment.RecentComment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object (a JSON Lines row or a scoring request) → {@link Comment}. Keys are column names;
 * unknown keys are ignored; the {@link ColumnLayout#REQUIRED} keys must be present (null allowed).
 * Numbers may be JSON numbers ({@code 445850.0}) or numeric strings, booleans JSON booleans or the
 * CSV spellings, {@code gilded} a number or boolean. {@code recent_comments} is a string holding a
 * JSON array (as the 2019 API sent it) or an array itself. Errors are {@link InvalidFieldException}s
 * naming the offending key, e.g. {@code column score: expected a number, got "abc"}.
 */
public final class CommentJsonMapper {
    private static final ObjectMapper MAPPER = new ObjectMapper(RecentCommentsParser.factory());
    private static final int COLUMNS = CommentColumn.values().length;

    private CommentJsonMapper() {
    }

    /** Maps a parsed JSON object. */
    public static Comment fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidFieldException(null, "a JSON object", node == null ? "nothing" : nodeKind(node));
        }
        Object[] values = new Object[COLUMNS];
        Set<CommentColumn> seen = EnumSet.noneOf(CommentColumn.class);
        String recentJson = null;
        List<RecentComment> recent = List.of();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            CommentColumn c = CommentColumn.byName(f.getKey());
            if (c == null || !seen.add(c)) {
                continue;
            }
            JsonNode v = f.getValue();
            if (c == CommentColumn.RECENT_COMMENTS) {
                if (v.isTextual()) {
                    recentJson = v.textValue();
                    recent = RecentCommentsParser.parse(recentJson);
                } else if (v.isArray()) {
                    recent = RecentCommentsParser.parse(v);
                    recentJson = v.toString();
                } else if (!v.isNull()) {
                    throw new InvalidFieldException(c.columnName(), "a JSON array or a string holding one", nodeKind(v));
                }
            } else {
                values[c.ordinal()] = validText(c, scalar(c, v));
            }
        }
        List<String> missing = new ArrayList<>();
        for (CommentColumn c : ColumnLayout.REQUIRED) {
            if (!seen.contains(c)) {
                missing.add(c.columnName());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidFieldException(null, null, "missing required key" + (missing.size() > 1 ? "s" : "")
                    + ": " + String.join(", ", missing));
        }
        return CommentAssembly.comment(values, recentJson, recent);
    }

    /** The known columns present as keys of this object. */
    public static Set<CommentColumn> columnsOf(JsonNode node) {
        Set<CommentColumn> out = EnumSet.noneOf(CommentColumn.class);
        node.fieldNames().forEachRemaining(n -> {
            CommentColumn c = CommentColumn.byName(n);
            if (c != null) {
                out.add(c);
            }
        });
        return out;
    }

    private static Object scalar(CommentColumn c, JsonNode v) {
        try (JsonParser p = v.traverse()) {
            JsonToken t = p.nextToken();
            return RecentCommentsParser.value(p, t, c, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a tree parser does no I/O
        }
    }

    /**
     * A JSON escape such as {@code \\ud800} without its pair decodes to a lone surrogate, which no UTF-8
     * output can hold (the CSV writers would write '?'), so such a column is malformed, like invalid
     * UTF-8 in a CSV dump. Recent comments' bodies are only featurized, never written, so they keep
     * the Python pipeline's leniency.
     */
    private static Object validText(CommentColumn c, Object value) {
        if (value instanceof String s) {
            for (int i = 0, n = s.length(); i < n; i++) {
                char ch = s.charAt(i);
                if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(ch)) {
                    throw new InvalidFieldException(c.columnName(), "Unicode text", String.format(Locale.ROOT,
                            "a lone surrogate \\u%04x at character %d (a JSON escape without its pair)", (int) ch, i + 1));
                } else if (ch == 0) {
                    // a raw NUL fails a dump's line; the escape would write one no reader takes back
                    throw new InvalidFieldException(c.columnName(), "text without NUL characters",
                            "a NUL (\\u0000) at character " + (i + 1));
                }
            }
        }
        return value;
    }

    private static String nodeKind(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        return n.isTextual() ? InvalidFieldException.quote(n.textValue()) : n.toString();
    }

    /** The shared mapper (lenient about NaN, fast double parsing) for reading JSON rows. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
