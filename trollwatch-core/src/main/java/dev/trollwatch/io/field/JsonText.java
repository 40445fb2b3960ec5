package dev.trollwatch.io.field;

/**
 * JSON string literals as Python's {@code json.dumps} writes them by default
 * ({@code ensure_ascii=True}): {@code \" \\ \n \r \t \b \f}, other control characters and every
 * non-ASCII character as {@code \\uXXXX} with lower-case hex (astral characters as their UTF-16
 * surrogate pair, which is what a Java string holds already).
 */
public final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Appends {@code s} as a quoted JSON string literal. */
    public static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case 0x7f -> sb.append(c);
                default -> sb.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        sb.append('"');
    }

    /** Appends a JSON number the way Python's json module writes a float. */
    public static void appendFloat(StringBuilder sb, double x) {
        if (Double.isNaN(x)) {
            sb.append("NaN");
        } else if (Double.isInfinite(x)) {
            sb.append(x > 0 ? "Infinity" : "-Infinity");
        } else {
            FloatText.appendPython(sb, x);
        }
    }
}
