package dev.trollwatch.io.jdbc;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table name from the command line, validated as {@code [schema.]table} of plain SQL identifiers and
 * then double-quoted, so it can never carry SQL. Names are folded to lower case first, as PostgreSQL and
 * Redshift fold unquoted identifiers: {@code --table Reddit_Comments} means {@code reddit_comments}.
 */
public record TableName(String schema, String table) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,126}");

    /** Parses {@code table} or {@code schema.table}; IllegalArgumentException for anything else. */
    public static TableName parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 2 || !valid(parts[0]) || (parts.length == 2 && !valid(parts[1]))) {
            throw new IllegalArgumentException("invalid table name '" + text
                    + "': expected TABLE or SCHEMA.TABLE made of letters, digits, '_' and '$'");
        }
        return parts.length == 2 ? new TableName(fold(parts[0]), fold(parts[1])) : new TableName(null, fold(parts[0]));
    }

    private static boolean valid(String part) {
        return IDENTIFIER.matcher(part).matches();
    }

    private static String fold(String part) {
        return part.toLowerCase(Locale.ROOT);
    }

    /** The quoted SQL form, e.g. {@code "public"."reddit_comments"}. */
    public String sql() {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"'; // safe: validated identifiers contain no quotes
    }

    @Override
    public String toString() {
        return schema == null ? table : schema + "." + table;
    }
}
