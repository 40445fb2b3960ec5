package dev.trollwatch.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A query file is exactly one query: every way a ';' can hide or appear. */
class QueryTextTest {
    @Test
    void semicolonsInsideQuotesCommentsAndDollarQuotesDoNotSplit() {
        String q = "SELECT ';' AS a, \"x;y\" , E'it\\'s;' , $f$ ; $f$ -- ; trailing\n/* ; /* nested ; */ */ FROM t";
        assertEquals(List.of(q), QueryText.statements(q + ";\n-- done\n"));
        assertEquals(q, QueryText.singleQuery(q + " ;  "));
    }

    @Test
    void withValuesTableAndParenthesisedQueriesAreAccepted() {
        for (String q : List.of("with a as (select 1) select * from a", "VALUES (1)", "table reddit_comments",
                "(select 1)", "/* why */ select 1", "-- note\nselect 1")) {
            assertEquals(q, QueryText.singleQuery(q));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM t; COMMIT; CREATE TABLE pwned(x int)",
        "select 1; select 2",
        "select 1;;delete from t",
        "select $$;$$; drop table t"})
    void severalStatementsAreRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryText.singleQuery(text));
        assertTrue(e.getMessage().contains("statements"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMMIT", "insert into t values (1) returning *", "delete from t", "create table x(y int)",
        "copy t to program 'id'", "set role admin"})
    void statementsThatAreNotQueriesAreRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryText.singleQuery(text));
        assertTrue(e.getMessage().contains("only a query"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ;  ", "-- only a comment", "/* x */;"})
    void emptyTextIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> QueryText.singleQuery(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"select 'open", "select \"open", "select $a$ open", "select /* open"})
    void unterminatedQuotesAreRefusedNotGuessed(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryText.singleQuery(text));
        assertTrue(e.getMessage().contains("unterminated"), e.getMessage());
    }
}
