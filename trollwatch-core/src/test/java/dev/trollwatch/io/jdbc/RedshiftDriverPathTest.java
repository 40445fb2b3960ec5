package dev.trollwatch.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.ErrorPolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Amazon Redshift driver path, through a startup-rewriting proxy in front of the embedded PostgreSQL. */
class RedshiftDriverPathTest {
    private static final String TABLE = "redshift_path_comments";
    private static RedshiftStartupProxy proxy;
    private static List<Comment> loaded;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        assumeTrue(TestDatabase.get().embedded(), "needs the embedded server (own users and pg_hba)");
        loaded = DumpFixtures.readAll(DumpFixtures.copy("sample.csv", dir));
        try (Connection c = TestDatabase.get().connect()) {
            CommentsTable.create(c, TABLE);
            CommentsTable.insert(c, TABLE, loaded);
        }
        proxy = new RedshiftStartupProxy(TestDatabase.get().port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void redshiftDriverReadsTheTableWithMd5Password() {
        String url = "jdbc:redshift://127.0.0.1:" + proxy.port() + "/postgres?ssl=false";
        ConnectionSettings s = new ConnectionSettings(url, TestDatabase.MD5_USER, TestDatabase.PASSWORD);
        List<Comment> back = new ArrayList<>();
        try (JdbcCommentReader r = JdbcCommentReader.open(s,
                ExportQuery.forTable(TableName.parse(TABLE), null, null, null), 2, ErrorPolicy.FAIL)) {
            r.forEachRemaining(back::add);
        }
        assertEquals(JdbcCommentReaderTest.inStableOrder(loaded), JdbcCommentReaderTest.inStableOrder(back));
        assertTrue(proxy.dropped().contains("driver_version"), proxy.dropped().toString());
    }
}
