package dev.trollwatch.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** URL handling, ~/.pgpass lookup, table-name validation and filter parsing for export. */
class JdbcSettingsTest {
    @TempDir
    Path dir;

    @Test
    void redactionRemovesPasswordsSecretsAndUserInfo() {
        assertEquals("jdbc:postgresql://db:5432/x?ssl=true",
                JdbcUrls.redact("jdbc:postgresql://db:5432/x?password=hunter2&ssl=true"));
        assertEquals("jdbc:postgresql://db/x?user=a",
                JdbcUrls.redact("jdbc:postgresql://db/x?user=a&PASSWORD=hunter2"));
        assertEquals("jdbc:redshift://c.x.redshift.amazonaws.com:5439/dev;UID=a",
                JdbcUrls.redact("jdbc:redshift://c.x.redshift.amazonaws.com:5439/dev;UID=a;PWD=hunter2"));
        assertEquals("jdbc:postgresql://db/x", JdbcUrls.redact("jdbc:postgresql://me:hunter2@db/x"));
        assertTrue(JdbcUrls.carriesSecret("jdbc:redshift://h/dev?SecretAccessKey=abc"));
        assertFalse(JdbcUrls.carriesSecret("jdbc:postgresql://h/dev?user=a&ssl=false"));
    }

    @Test
    void driverIsChosenByPrefixAndOthersAreRefused() {
        assertEquals(JdbcUrls.Kind.POSTGRESQL, JdbcUrls.kind("jdbc:postgresql://h/db"));
        assertEquals(JdbcUrls.Kind.REDSHIFT, JdbcUrls.kind("jdbc:redshift://h/db"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JdbcUrls.kind("jdbc:mysql://h/db?password=hunter2"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void endpointHasDefaultsPerKind() {
        assertEquals(new JdbcUrls.Endpoint("db.example", 5432, "prod"), JdbcUrls.endpoint("jdbc:postgresql://db.example/prod?x=1"));
        assertEquals(new JdbcUrls.Endpoint("c.redshift", 5439, "dev"), JdbcUrls.endpoint("jdbc:redshift://c.redshift/dev"));
        assertEquals(new JdbcUrls.Endpoint("::1", 6543, "d"), JdbcUrls.endpoint("jdbc:postgresql://[::1]:6543/d"));
        assertEquals(new JdbcUrls.Endpoint("h", 5432, null), JdbcUrls.endpoint("jdbc:postgresql://h"));
        assertEquals(new JdbcUrls.Endpoint("c.redshift", 5439, "dev"), JdbcUrls.endpoint("jdbc:redshift:iam://c.redshift/dev"));
    }

    private Path pgpass(String text, String perms) throws Exception {
        Path f = Files.writeString(dir.resolve("pgpass"), text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    @Test
    void pgpassFirstMatchingLineWinsWithWildcardsAndEscapes() throws Exception {
        Path f = pgpass("# comment\n\nother:5432:*:*:nope\n"
                + "db\\:host:*:prod:alice:pa\\:ss\\\\word\n"
                + "*:*:*:alice:fallback\n", "rw-------");
        assertEquals(Optional.of("pa:ss\\word"), PgPass.lookup(f, "db:host", 5432, "prod", "alice"));
        assertEquals(Optional.of("fallback"), PgPass.lookup(f, "db:host", 5432, "staging", "alice"));
        assertEquals(Optional.empty(), PgPass.lookup(f, "db:host", 5432, "prod", "bob"));
        assertEquals(List.of("h", "1", "d", "u", "p:w"), PgPass.fields("h:1:d:u:p:w"));
    }

    @Test
    void pgpassReadableByOthersIsIgnoredAsLibpqDoes() throws Exception {
        Path f = pgpass("*:*:*:*:secret\n", "rw-r--r--");
        assertEquals(Optional.empty(), PgPass.lookup(f, "h", 5432, "d", "u"));
        assertEquals(Optional.empty(), PgPass.lookup(dir.resolve("missing"), "h", 5432, "d", "u"));
    }

    @Test
    void pgpassIsLookedUpInHomeAsLibpqDoes() throws Exception {
        // Found by probing: it was looked up under Java's user.home, which need not be $HOME.
        pgpass("*:*:*:*:from-home\n", "rw-------");
        Files.move(dir.resolve("pgpass"), dir.resolve(".pgpass"));
        assertEquals(dir.resolve(".pgpass"), PgPass.defaultFile(null, dir.toString()));
        assertEquals("from-home", PasswordSource.resolve("jdbc:postgresql://h/d", "u", "PGPASSWORD",
                Map.of("HOME", dir.toString())::get));
        assertEquals(Path.of(System.getProperty("user.home"), ".pgpass"), PgPass.defaultFile(null, null));
    }

    @Test
    void passwordComesFromTheNamedVariableBeforePgpass() throws Exception {
        Path f = pgpass("*:*:*:*:from-file\n", "rw-------");
        Map<String, String> env = Map.of("MY_PW", "from-env", "PGPASSFILE", f.toString());
        assertEquals("from-env", PasswordSource.resolve("jdbc:postgresql://h/d", "u", "MY_PW", env::get));
        assertEquals("from-file", PasswordSource.resolve("jdbc:postgresql://h/d", "u", "PGPASSWORD", env::get));
        assertNull(PasswordSource.resolve("jdbc:postgresql://h/d", "u", "PGPASSWORD", Map.of("PGPASSFILE",
                dir.resolve("none").toString())::get));
    }

    @Test
    void userComesFromOptionThenUrlThenPgUser() {
        assertEquals("opt", PasswordSource.user("opt", "jdbc:postgresql://h/d?user=url", k -> "env"));
        assertEquals("url", PasswordSource.user(null, "jdbc:postgresql://h/d?user=url", k -> "env"));
        assertEquals("env", PasswordSource.user(null, "jdbc:postgresql://h/d", k -> "env"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reddit_comments; drop table x", "a.b.c", "\"quoted\"", "x--", "1abc", "", "a b",
        "reddit_comments where 1=1", "s.", ".t"})
    void tableNamesThatAreNotPlainIdentifiersAreRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> TableName.parse(name));
    }

    @Test
    void tableNamesAreFoldedAndQuoted() {
        assertEquals("\"reddit_comments\"", TableName.parse("Reddit_Comments").sql());
        assertEquals("\"analytics\".\"reddit_comments$2019\"", TableName.parse("analytics.reddit_comments$2019").sql());
    }

    @Test
    void filtersAreBoundParametersNeverSqlText() {
        ExportQuery q = ExportQuery.forTable(TableName.parse("t"), 1.5, 2.5, 10L);
        assertEquals("SELECT * FROM \"t\" WHERE created_utc >= ? AND created_utc < ?", q.sql());
        assertEquals(List.of(1.5, 2.5), q.parameters());
        assertEquals(10L, q.limit());
        ExportQuery wrapped = ExportQuery.forQuery("select * from t where is_bot ;\n", null, 9.0, null);
        assertEquals("SELECT * FROM (\nselect * from t where is_bot\n) AS trollwatch_export WHERE created_utc < ?",
                wrapped.sql());
        assertEquals("select 1", ExportQuery.forQuery("select 1;", null, null, null).sql());
    }

    @Test
    void timeBoundsAcceptUnixSecondsDatesAndDateTimes() {
        assertEquals(1550213389.0, TimeBound.parse("1550213389"));
        assertEquals(1550188800.0, TimeBound.parse("2019-02-15"));
        assertEquals(1550213389.0, TimeBound.parse("2019-02-15T06:49:49Z"));
        assertEquals(1550213389.0, TimeBound.parse("2019-02-15T07:49:49+01:00"));
        assertEquals(1550213389.0, TimeBound.parse("2019-02-15T06:49:49"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeBound.parse("yesterday"));
        assertTrue(e.getMessage().contains("unix seconds"), e.getMessage());
    }
}
