package dev.trollwatch.io.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL export runs and its bound parameters. Only a validated table name or the text of a query
 * file the user wrote reaches the SQL; filters from the command line are always bound parameters,
 * and the row limit is applied with {@code Statement.setMaxRows} (no SQL at all).
 *
 * @param sql        the statement, with '?' placeholders
 * @param parameters values for the placeholders, in order
 * @param limit      maximum rows, or null
 */
public record ExportQuery(String sql, List<Object> parameters, Long limit) {
    public ExportQuery {
        parameters = List.copyOf(parameters);
    }

    /** {@code SELECT * FROM "table"} with the filters. */
    public static ExportQuery forTable(TableName table, Double since, Double until, Long limit) {
        return filtered("SELECT * FROM " + table.sql(), since, until, limit);
    }

    /**
     * A user's query: exactly one query statement ({@link QueryText#singleQuery}; a trailing ';' is
     * dropped), wrapped only when filters are asked for.
     */
    public static ExportQuery forQuery(String queryText, Double since, Double until, Long limit) {
        String q = QueryText.singleQuery(queryText);
        if (since == null && until == null) {
            return new ExportQuery(q, List.of(), limit);
        }
        return filtered("SELECT * FROM (\n" + q + "\n) AS trollwatch_export", since, until, limit);
    }

    private static ExportQuery filtered(String select, Double since, Double until, Long limit) {
        StringBuilder sql = new StringBuilder(select);
        List<Object> params = new ArrayList<>();
        if (since != null) {
            sql.append(" WHERE created_utc >= ?");
            params.add(since);
        }
        if (until != null) {
            sql.append(since == null ? " WHERE" : " AND").append(" created_utc < ?");
            params.add(until);
        }
        return new ExportQuery(sql.toString(), params, limit);
    }
}
