package dev.trollwatch.io.field;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trollwatch.comment.ColumnType;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.comment.RecentComment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the {@code recent_comments} column — a JSON array of objects with the first 19 columns as
 * keys — with Jackson's streaming parser. Thread-safe (the factory is shared, parsers are not).
 *
 * <p>Rules: the value must be an array; each entry an object. The keys the features read
 * ({@link #REQUIRED_KEYS}) must be present (their value may be null); the other 11 of the 19 keys are
 * optional (absent = null) and unknown keys are ignored. Values are type-checked like CSV fields:
 * numbers for float keys ({@code NaN} = null, numeric strings accepted), JSON booleans or the CSV
 * spellings for boolean keys, {@code gilded} a number or boolean. Errors name the entry and key,
 * e.g. {@code recent_comments[3].score: expected a number, got "abc"}.
 */
public final class RecentCommentsParser {
    /** Keys every entry must carry: exactly those the features read. */
    private static final List<CommentColumn> REQUIRED_KEYS = List.of(
            CommentColumn.NO_FOLLOW, CommentColumn.GILDED, CommentColumn.NUM_COMMENTS, CommentColumn.CREATED_UTC,
            CommentColumn.SCORE, CommentColumn.BODY, CommentColumn.CONTROVERSIALITY, CommentColumn.UPS);

    private static final String COLUMN = CommentColumn.RECENT_COMMENTS.columnName();
    private static final int KEYS = CommentColumn.RECENT_COMMENT_KEYS.size();
    private static final Map<String, CommentColumn> BY_NAME = new HashMap<>();
    private static final int REQUIRED_MASK;

    static {
        for (CommentColumn c : CommentColumn.RECENT_COMMENT_KEYS) {
            BY_NAME.put(c.columnName(), c);
        }
        int mask = 0;
        for (CommentColumn c : REQUIRED_KEYS) {
            mask |= 1 << c.ordinal();
        }
        REQUIRED_MASK = mask;
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(JsonLimits.constraints())
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private RecentCommentsParser() {
    }

    /** Parses the column's text; null or empty text is an empty list. */
    public static List<RecentComment> parse(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        return parse(json, null);
    }

    /**
     * Parses an array already read as a JSON tree (a request's {@code recent_comments} given as an
     * array). Read from the tree, not from its text again: the text of a number the tree holds as
     * infinite ({@code 1e999999}) is the string {@code "Infinity"}, which would be reported as a string.
     */
    public static List<RecentComment> parse(JsonNode array) {
        try (JsonParser p = array.traverse()) {
            return parse(p, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a tree parser does no I/O
        }
    }

    /**
     * Parses a non-empty array; when {@code spans} is given, also records where each entry's
     * object starts and where the last one ends (char offsets into {@code json}).
     */
    static List<RecentComment> parse(String json, EntrySpans spans) {
        try (JsonParser p = FACTORY.createParser(json)) {
            try {
                return parse(p, spans);
            } catch (JsonProcessingException e) {
                // Syntax errors and the parser's limits (nesting depth, number or name length) alike: bad text.
                // A limit's exception carries no location; the parser's last token (the key of a too-long
                // number, say) still says where.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentTokenLocation();
                String where = at == null || at.getCharOffset() < 0 ? "" : " at character " + (at.getCharOffset() + 1);
                throw new InvalidFieldException(COLUMN, "a JSON array",
                        "invalid JSON" + where + " (" + JsonErrorText.reason(e) + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a String source
        }
    }

    /** Entry offsets of a parsed array: where each object starts, and the end of the last one. */
    static final class EntrySpans {
        int[] starts = new int[20];
        int count;
        int lastEnd;

        private void start(JsonParser p) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = (int) p.currentTokenLocation().getCharOffset();
        }

        private void end(JsonParser p) {
            lastEnd = (int) p.currentTokenLocation().getCharOffset() + 1;
        }
    }

    private static List<RecentComment> parse(JsonParser p, EntrySpans spans) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_ARRAY) {
            throw new InvalidFieldException(COLUMN, "a JSON array", describe(p, t));
        }
        List<RecentComment> out = new ArrayList<>(20);
        int index = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw new InvalidFieldException(COLUMN + "[" + index + "]", "an object", describe(p, t));
            }
            if (spans != null) {
                spans.start(p);
            }
            out.add(entry(p, index));
            if (spans != null) {
                spans.end(p);
            }
            index++;
        }
        if (p.nextToken() != null) {
            throw new InvalidFieldException(COLUMN, "nothing after the array", describe(p, p.currentToken()));
        }
        return out;
    }

    private static RecentComment entry(JsonParser p, int index) throws IOException {
        Object[] values = new Object[KEYS];
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            CommentColumn c = BY_NAME.get(name);
            JsonToken t = p.nextToken();
            if (c == null) {
                p.skipChildren();
                continue;
            }
            int bit = 1 << c.ordinal();
            if ((seen & bit) != 0) { // the last copy won silently: a second "body" changed the features
                throw new InvalidFieldException(path(c, index), "the key once", "it twice");
            }
            seen |= bit;
            values[c.ordinal()] = value(p, t, c, index);
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new InvalidFieldException(COLUMN + "[" + index + "]", "an object", describe(p, p.currentToken()));
        }
        if ((seen & REQUIRED_MASK) != REQUIRED_MASK) {
            StringBuilder missing = new StringBuilder();
            for (CommentColumn c : REQUIRED_KEYS) {
                if ((seen & (1 << c.ordinal())) == 0) {
                    missing.append(missing.length() == 0 ? "" : ", ").append(c.columnName());
                }
            }
            throw new InvalidFieldException(COLUMN + "[" + index + "]", "keys " + requiredNames(), "missing " + missing);
        }
        return CommentAssembly.recent(values);
    }

    /** Decodes one JSON value for key {@code c}; shared with the JSON object mapper. */
    static Object value(JsonParser p, JsonToken t, CommentColumn c, int index) throws IOException {
        switch (t) {
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                return c.type() == ColumnType.TEXT ? p.getText()
                        : parseText(c, p.getText(), index);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                switch (c.type()) {
                    case FLOAT: {
                        double d = p.getDoubleValue();
                        if (Double.isInfinite(d)) { // 1e999999 or Infinity: no column holds one, as in dumps
                            throw new InvalidFieldException(path(c, index), "a finite number", p.getText());
                        }
                        return Double.isNaN(d) ? null : d;
                    }
                    case BOOLEAN:
                        return parseText(c, p.getText(), index);
                    default:
                        return p.getText();
                }
            case VALUE_TRUE:
            case VALUE_FALSE: {
                boolean b = t == JsonToken.VALUE_TRUE;
                switch (c.type()) {
                    case BOOLEAN:
                        return b;
                    case TEXT:
                        return p.getText();
                    default:
                        if (c == CommentColumn.GILDED) {
                            return b ? 1.0 : 0.0;
                        }
                        throw new InvalidFieldException(path(c, index), "a number", p.getText());
                }
            }
            default:
                throw new InvalidFieldException(path(c, index), expected(c), describe(p, t));
        }
    }

    private static Object parseText(CommentColumn c, String text, int index) {
        try {
            return CommentAssembly.parse(c, text);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(path(c, index), e.expected(), e.found());
        }
    }

    private static String path(CommentColumn c, int index) {
        return index < 0 ? c.columnName() : COLUMN + "[" + index + "]." + c.columnName();
    }

    private static String expected(CommentColumn c) {
        switch (c.type()) {
            case BOOLEAN:
                return "a boolean";
            case FLOAT:
                return "a number";
            default:
                return "a string";
        }
    }

    static String describe(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            return "end of input";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return InvalidFieldException.quote(p.getText());
            default:
                return p.getText();
        }
    }

    private static String requiredNames() {
        StringBuilder sb = new StringBuilder();
        for (CommentColumn c : REQUIRED_KEYS) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.columnName());
        }
        return sb.toString();
    }

    public static JsonFactory factory() {
        return FACTORY;
    }
}
