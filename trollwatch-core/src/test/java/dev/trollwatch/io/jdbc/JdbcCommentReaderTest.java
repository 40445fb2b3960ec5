package dev.trollwatch.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.field.DataFormatException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows loaded into a real PostgreSQL come back from the streaming reader identical, field by field. */
class JdbcCommentReaderTest {
    private static final String TABLE = "reader_test_comments";
    private static List<Comment> loaded;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        loaded = new ArrayList<>();
        loaded.addAll(DumpFixtures.readAll(DumpFixtures.copy("sample.csv", dir)));
        loaded.addAll(DumpFixtures.readAll(DumpFixtures.copy("parity-sample.csv.gz", dir)));
        try (Connection c = TestDatabase.get().connect()) {
            CommentsTable.create(c, TABLE);
            CommentsTable.insert(c, TABLE, loaded);
        }
    }

    private static List<Comment> read(ExportQuery q, int fetchSize) {
        ConnectionSettings s = new ConnectionSettings(TestDatabase.get().url(), null, null);
        try (JdbcCommentReader r = JdbcCommentReader.open(s, q, fetchSize, ErrorPolicy.FAIL)) {
            List<Comment> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        }
    }

    @Test
    void everyLoadedRowComesBackFieldByField() {
        List<Comment> back = inStableOrder(read(ExportQuery.forTable(TableName.parse(TABLE), null, null, null), 100));
        List<Comment> want = inStableOrder(loaded);
        assertEquals(want.size(), back.size());
        for (int i = 0; i < want.size(); i++) {
            Object[] w = CommentsTable.values(want.get(i));
            Object[] got = CommentsTable.values(back.get(i));
            for (int k = 0; k < w.length; k++) {
                assertEquals(w[k], got[k], "row " + i + " column " + k);
            }
            assertEquals(want.get(i).recentComments(), back.get(i).recentComments(), "row " + i);
        }
    }

    /** A scan (possibly parallel) returns rows in no promised order: compare sorted by all values. */
    static List<Comment> inStableOrder(List<Comment> rows) {
        List<Comment> out = new ArrayList<>(rows);
        out.sort(java.util.Comparator.comparing(c -> java.util.Arrays.deepToString(CommentsTable.values(c))));
        return out;
    }

    @Test
    void sinceUntilAndLimitFilterByCreatedUtc() {
        double since = 1550213390.0;
        double until = 1550213393.0;
        List<Comment> window = read(ExportQuery.forTable(TableName.parse(TABLE), since, until, null), 10);
        long expected = loaded.stream().filter(c -> c.createdUtc() >= since && c.createdUtc() < until).count();
        assertEquals(expected, window.size());
        assertTrue(window.stream().allMatch(c -> c.createdUtc() >= since && c.createdUtc() < until));
        assertEquals(7, read(ExportQuery.forTable(TableName.parse(TABLE), null, null, 7L), 3).size());
    }

    @Test
    void queryFileTextRunsAsWrittenAndFiltersWrapIt() {
        List<Comment> bots = read(ExportQuery.forQuery("select * from " + TABLE + " where is_bot;\n", null, null, null), 50);
        assertEquals(loaded.stream().filter(c -> Boolean.TRUE.equals(c.isBot())).count(), bots.size());
        List<Comment> some = read(ExportQuery.forQuery("select * from " + TABLE + " where is_bot", 0.0, 1550213390.0, null), 50);
        assertTrue(some.stream().allMatch(c -> c.isBot() && c.createdUtc() < 1550213390.0));
    }

    /** A fresh table {@code name} holding the first two loaded rows, then changed by {@code changes}. */
    private static void twoRowsAs(String name, String... changes) throws Exception {
        try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + name);
            s.execute("CREATE TABLE " + name + " AS SELECT * FROM " + TABLE + " LIMIT 2");
            for (String change : changes) {
                s.execute(change);
            }
        }
    }

    private static List<Comment> readTable(String name) {
        return read(ExportQuery.forTable(TableName.parse(name), null, null, null), 10);
    }

    @Test
    void badValueInTheDatabaseIsReportedWithRowAndColumn() throws Exception {
        twoRowsAs("bad_rows", "ALTER TABLE bad_rows ALTER COLUMN score TYPE varchar(20)",
                "UPDATE bad_rows SET score = 'lots' WHERE author = 'emoji_fan'");
        DataFormatException e = assertThrows(DataFormatException.class, () -> readTable("bad_rows"));
        assertTrue(e.getMessage().endsWith(":2: column score: expected a number, got \"lots\""), e.getMessage());
    }

    @Test
    void infiniteNumbersInTheDatabaseAreMalformedNotWrittenAsInf() throws Exception {
        // Found by probing: float8 'Infinity' and numeric 1e400 were exported as "inf", which no reader took back.
        twoRowsAs("infinite_rows", "UPDATE infinite_rows SET score = 'Infinity'::float8 WHERE author = 'emoji_fan'");
        twoRowsAs("huge_rows", "ALTER TABLE huge_rows ALTER COLUMN score TYPE numeric",
                "UPDATE huge_rows SET score = 1e400::numeric WHERE author = 'emoji_fan'");
        DataFormatException inf = assertThrows(DataFormatException.class, () -> readTable("infinite_rows"));
        assertTrue(inf.getMessage().endsWith(":2: column score: expected a finite number, got Infinity"), inf.getMessage());
        DataFormatException huge = assertThrows(DataFormatException.class, () -> readTable("huge_rows"));
        assertTrue(huge.getMessage().contains(":2: column score: expected a finite number, got \"1"), huge.getMessage());
        assertTrue(huge.getMessage().endsWith("(too large for a double)"), huge.getMessage());
    }

    @Test
    void missingTableIsAClearQueryError() {
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> read(ExportQuery.forTable(TableName.parse("no_such_table"), null, null, null), 10));
        assertTrue(e.getMessage().startsWith("query failed: ERROR: relation \"no_such_table\" does not exist"),
                e.getMessage());
    }
}
