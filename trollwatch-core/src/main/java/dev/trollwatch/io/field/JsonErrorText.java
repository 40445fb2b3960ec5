package dev.trollwatch.io.field;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jackson parse error as a user of the CLI reads it. Jackson's size limits (number length,
 * nesting depth) throw without a location and name the Java setting that raises them, which the
 * user cannot reach; callers that dereferenced the location failed with a NullPointerException.
 * Its syntax errors name settings too ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to
 * allow"), and the Java type a value was bound to: all of that is cut.
 */
public final class JsonErrorText {
    private static final int MAX_REASON_CHARS = 200;
    /** The parts of Jackson's messages that speak of its Java API: settings, bound types, sources. */
    private static final Pattern JAVA_API = Pattern.compile(String.join("|",
            ",? from `[^`]*`",
            ":? \\(?(?:enable|disable) `[^`]*` to (?:allow|accept)\\)?",
            ":? not allowed as per `[^`]*`",
            " \\(bound as `[^`]*`\\)",
            "Source: REDACTED \\(`[^`]*` disabled\\); "));

    /** Jackson's words for a key over the limit; "name" is its term for a key. */
    private static final Pattern KEY_TOO_LONG = Pattern.compile(
            "Name length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)\\b.*", Pattern.DOTALL);

    private JsonErrorText() {
    }

    /**
     * True when a key was longer than the limit. The parser is then still at the key's object,
     * whose current name is the key before it: where it failed is the object, not that name.
     */
    public static boolean isKeyTooLong(JsonProcessingException e) {
        return e instanceof StreamConstraintsException && e.getOriginalMessage() != null
                && KEY_TOO_LONG.matcher(e.getOriginalMessage()).matches();
    }

    /** The first line of the parser's message, without the Java setting, at most 200 chars. */
    public static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null || m.isBlank()) {
            return "malformed";
        }
        Matcher key = KEY_TOO_LONG.matcher(m);
        if (e instanceof StreamConstraintsException && key.matches()) {
            return "a key is longer than " + key.group(2) + " characters (" + key.group(1) + ")";
        }
        int nl = m.indexOf('\n');
        String first = JAVA_API.matcher(nl >= 0 ? m.substring(0, nl) : m).replaceAll("");
        return first.length() > MAX_REASON_CHARS ? first.substring(0, MAX_REASON_CHARS - 3) + "..." : first;
    }

    /** " at line L, column C" when the error has a location, else "". */
    public static String lineAndColumn(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
