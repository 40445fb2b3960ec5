package dev.trollwatch.io.jdbc;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.dump.AbstractCommentReader;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.field.ColumnLayout;
import dev.trollwatch.io.field.DataFormatException;
import dev.trollwatch.io.field.InvalidFieldException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows of a query as {@link Comment}s, streamed with a server-side cursor: autocommit off and a fetch
 * size, so memory stays flat whatever the row count. Columns are matched by name like a dump header.
 * A lost connection or failed fetch throws {@link DatabaseException}.
 */
public final class JdbcCommentReader extends AbstractCommentReader {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCommentReader.class);

    private final ResultSet rows;
    private final ColumnLayout layout;
    private final CommentColumn[] columnAt;
    private final Long limit;
    private long rowNumber;

    private JdbcCommentReader(String name, ErrorPolicy policy, Connection connection, PreparedStatement statement,
                              ResultSet rows, ColumnLayout layout, Long limit) {
        super(name, null, policy, () -> closeAll(rows, statement, connection));
        this.rows = rows;
        this.layout = layout;
        this.limit = limit;
        this.columnAt = new CommentColumn[layout.width()];
        for (int i = 0; i < columnAt.length; i++) {
            columnAt[i] = layout.columnAt(i);
        }
    }

    /** Connects (driver chosen by the URL), runs the query and positions before the first row. */
    public static JdbcCommentReader open(ConnectionSettings settings, ExportQuery query, int fetchSize,
                                         ErrorPolicy policy) {
        String shown = JdbcUrls.redact(settings.url());
        LOG.info("connecting to {} as {}", shown, settings.user());
        Connection c;
        try {
            c = driver(settings.url()).connect(settings.url(), properties(settings));
            if (c == null) {
                throw new DatabaseException("no JDBC driver accepts " + shown, null);
            }
        } catch (SQLException e) {
            throw DatabaseException.connecting(shown + " as " + settings.user(), settings.password() != null, e);
        }
        PreparedStatement ps = null;
        ResultSet rs = null;
        try {
            c.setAutoCommit(false); // the drivers only stream with a cursor inside a transaction
            c.setReadOnly(true); // BEGIN READ ONLY: a query file cannot write, whatever it says
            ps = c.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(fetchSize);
            if (query.limit() != null && query.limit() <= Integer.MAX_VALUE) {
                ps.setMaxRows(query.limit().intValue());
            }
            for (int i = 0; i < query.parameters().size(); i++) {
                ps.setObject(i + 1, query.parameters().get(i));
            }
            LOG.debug("query: {}", query.sql());
            rs = ps.executeQuery();
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>(md.getColumnCount());
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnLabel(i));
            }
            ColumnLayout layout = ColumnLayout.of(shown, names);
            return new JdbcCommentReader(shown, policy, c, ps, rs, layout, query.limit());
        } catch (SQLException e) {
            closeAll(rs, ps, c);
            throw DatabaseException.of("query failed", e);
        } catch (RuntimeException e) {
            closeAll(rs, ps, c);
            throw e;
        }
    }

    private static Driver driver(String url) {
        switch (JdbcUrls.kind(url)) {
            case REDSHIFT:
                return new com.amazon.redshift.Driver();
            default:
                return new org.postgresql.Driver();
        }
    }

    /**
     * Connection properties. The password is always set, empty when trollwatch found none: pgjdbc reads
     * ~/.pgpass (or $PGPASSFILE) by its own rules whenever it is absent — a group-readable file, a FIFO
     * or a malformed line would then log in, hang or crash inside the driver — and trollwatch's rules
     * ({@link PgPass}) must be the only ones applied. Timeouts are whole seconds, as both drivers take them.
     */
    static Properties properties(ConnectionSettings s) {
        Properties p = new Properties();
        if (s.user() != null) {
            p.setProperty("user", s.user());
        }
        p.setProperty("password", s.password() == null ? "" : s.password());
        p.setProperty("ApplicationName", "trollwatch-export");
        String connect = Long.toString(Math.max(1, s.connectTimeout().toSeconds()));
        p.setProperty("loginTimeout", connect);
        p.setProperty("connectTimeout", connect);
        p.setProperty("socketTimeout", Long.toString(s.readTimeout().toSeconds()));
        return p;
    }

    @Override
    protected Comment readRow() {
        try {
            if ((limit != null && rowNumber >= limit) || !rows.next()) {
                return null;
            }
            rowNumber++;
            Object[] values = new Object[columnAt.length];
            for (int i = 0; i < columnAt.length; i++) {
                if (columnAt[i] != null) {
                    values[i] = rows.getObject(i + 1);
                }
            }
            try {
                return JdbcValues.toComment(columnAt, values);
            } catch (InvalidFieldException e) {
                throw new DataFormatException(fileName(), rowNumber, e);
            }
        } catch (SQLException e) {
            throw DatabaseException.of("export failed after " + rowNumber + " rows", e);
        }
    }

    @Override
    protected long rowLine() {
        return rowNumber;
    }

    @Override
    public Set<CommentColumn> columns() {
        return layout.columns();
    }

    private static void closeAll(ResultSet rs, PreparedStatement ps, Connection c) {
        try {
            if (rs != null) {
                rs.close();
            }
            if (ps != null) {
                ps.close();
            }
        } catch (SQLException e) {
            LOG.debug("closing the cursor failed", e);
        }
        if (c != null) {
            try {
                c.rollback(); // read-only work; ends the transaction the cursor lived in
            } catch (SQLException e) {
                LOG.debug("rollback failed", e);
            }
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing the connection failed", e);
            }
        }
    }
}
