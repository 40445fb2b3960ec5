package dev.trollwatch.cli;

import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.dump.DumpExport;
import dev.trollwatch.io.jdbc.ConnectionSettings;
import dev.trollwatch.io.jdbc.ExportQuery;
import dev.trollwatch.io.jdbc.JdbcCommentReader;
import dev.trollwatch.io.jdbc.JdbcUrls;
import dev.trollwatch.io.jdbc.PasswordSource;
import dev.trollwatch.io.jdbc.TableName;
import dev.trollwatch.io.jdbc.TimeBound;
import dev.trollwatch.model.Numbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trollwatch export}: a database table/query or any readable dump → the clean CSV form. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Write reddit_comments rows as clean CSV (RFC 4180, the 23 columns in table order), either straight "
                + "from PostgreSQL/Redshift (--jdbc-url) or converted from any dump trollwatch reads (--in).",
            "The database password comes from --password-env (default PGPASSWORD) or ~/.pgpass, never from the "
                + "command line. The output file appears only when the export succeeded."})
public final class ExportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ExportCommand.class);
    private static final long MAX_QUERY_BYTES = 1 << 20;

    @Mixin
    DumpInputOptions input;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Read from this database instead of --in: jdbc:postgresql://HOST[:PORT]/DB or "
                    + "jdbc:redshift://HOST[:PORT]/DB (driver chosen by the prefix). Must not contain a password.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER",
            description = "Database user. Default: the URL's user property, else $PGUSER, else the OS user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "PGPASSWORD",
            description = "Environment variable holding the password; when unset, ~/.pgpass ($PGPASSFILE) is "
                    + "searched. Default: ${DEFAULT-VALUE}.")
    String passwordEnv;

    @Option(names = "--table", paramLabel = "[SCHEMA.]TABLE",
            description = "Table to export (letters, digits, '_', '$'; quoted for you). Default: reddit_comments.")
    String table;

    @Option(names = "--query-file", paramLabel = "FILE",
            description = "Export the rows of the single query (SELECT, WITH, VALUES or TABLE) in this file instead of "
                    + "a table. Exactly one statement, run in a read-only transaction.")
    Path queryFile;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only rows with created_utc >= TIME (unix seconds, 2019-02-15 or 2019-02-15T06:00:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only rows with created_utc < TIME.")
    String until;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows.")
    Long limit;

    /** The driver holds a whole fetch in memory: 10,000 rows of 20-comment histories are about 100 MB. */
    static final int MAX_FETCH_SIZE = 10_000;

    @Option(names = "--fetch-size", paramLabel = "N", defaultValue = "1000",
            description = "Rows per round trip of the server-side cursor, 1.." + MAX_FETCH_SIZE + " (memory stays"
                    + " flat: the driver holds one fetch). Default: ${DEFAULT-VALUE}.")
    int fetchSize;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up connecting and logging in after this long (a silent port or a server that is "
                    + "not a database must not hang export). Default: ${DEFAULT-VALUE}.")
    int connectTimeoutSeconds;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Give up when the connected server sends nothing for this long; 0 = wait forever. "
                    + "Raise it for queries whose first row takes longer. Default: ${DEFAULT-VALUE}.")
    int readTimeoutSeconds;

    @Override
    public Integer call() throws IOException {
        output.requireNotInput("--in", input.path());
        try (CommentReader reader = jdbcUrl != null ? openDatabase() : openFile();
             ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), "export", input::fractionRead)) {
            DumpExport.Result r = output.write(stream -> DumpExport.toStream(reader, stream, progress::advance));
            if (!output.toStdout()) {
                LOG.info("wrote {} to {}{}", Numbers.count(r.rows(), "row", "rows"), output.file(), r.skipped() > 0 ? " (" + Numbers.count(r.skipped(), "malformed row", "malformed rows") + " skipped)" : "");
            }
        }
        return ExitCode.OK;
    }

    /** A query is a small text file: refuse a FIFO, device or huge file rather than read it forever. */
    private String readQueryFile() throws IOException {
        if (!Files.isRegularFile(queryFile)) {
            throw new UsageException("--query-file " + queryFile + ": not a regular file");
        }
        if (Files.size(queryFile) > MAX_QUERY_BYTES) {
            throw new UsageException("--query-file " + queryFile + ": larger than " + MAX_QUERY_BYTES
                    + " bytes; that is no query");
        }
        return Files.readString(queryFile);
    }

    private CommentReader openFile() throws IOException {
        if (table != null || queryFile != null || since != null || until != null || limit != null || user != null) {
            throw new UsageException("--table, --query-file, --since, --until, --limit and --user need --jdbc-url");
        }
        for (String databaseOnly : new String[] {"--fetch-size", "--password-env", "--connect-timeout", "--read-timeout"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(databaseOnly)) {
                throw new UsageException(databaseOnly + " applies to --jdbc-url, not to --in dumps");
            }
        }
        return input.open();
    }

    private CommentReader openDatabase() throws IOException {
        if (input.given()) {
            throw new UsageException("give either --jdbc-url or --in, not both");
        }
        if (input.format() != null) {
            throw new UsageException("--format applies to --in dumps, not to --jdbc-url");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--max-record-chars")) {
            throw new UsageException("--max-record-chars applies to --in dumps, not to --jdbc-url");
        }
        if (table != null && queryFile != null) {
            throw new UsageException("give either --table or --query-file, not both");
        }
        if (fetchSize < 1 || fetchSize > MAX_FETCH_SIZE) {
            throw new UsageException("--fetch-size must be 1.." + MAX_FETCH_SIZE + ", got " + fetchSize);
        }
        if (connectTimeoutSeconds < 1) {
            throw new UsageException("--connect-timeout must be at least 1 second, got " + connectTimeoutSeconds);
        }
        if (readTimeoutSeconds < 0) {
            throw new UsageException("--read-timeout must be 0 (no limit) or more, got " + readTimeoutSeconds);
        }
        if (limit != null && limit < 0) {
            throw new UsageException("--limit must be 0 or more, got " + limit);
        }
        try {
            JdbcUrls.kind(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (JdbcUrls.carriesSecret(jdbcUrl)) {
            throw new UsageException("--jdbc-url must not contain a password (other users can read process arguments);"
                    + " use --password-env VAR or ~/.pgpass");
        }
        ExportQuery query;
        try {
            Double from = since == null ? null : TimeBound.parse(since);
            Double to = until == null ? null : TimeBound.parse(until);
            if (from != null && to != null && from >= to) {
                // created_utc >= since AND created_utc < until: an empty window would export no row and look like success
                throw new UsageException("--since " + since + " is not before --until " + until + ": no row can match");
            }
            query = queryFile != null
                    ? ExportQuery.forQuery(readQueryFile(), from, to, limit)
                    : ExportQuery.forTable(TableName.parse(table == null ? "reddit_comments" : table), from, to, limit);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String who = PasswordSource.user(user, jdbcUrl, System::getenv);
        String password = PasswordSource.resolve(jdbcUrl, who, passwordEnv, System::getenv);
        ConnectionSettings settings = new ConnectionSettings(jdbcUrl, who, password,
                Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(readTimeoutSeconds));
        return JdbcCommentReader.open(settings, query, fetchSize, input.policy());
    }
}
