package dev.trollwatch.io.jdbc;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Creates a {@code reddit_comments}-shaped table with Redshift's column types and loads comments into it. */
public final class CommentsTable {
    private CommentsTable() {
    }

    /** Drops and creates the table: varchar for text and JSON, bool, float8 — as in Redshift. */
    public static void create(Connection c, String table) throws SQLException {
        String columns = Arrays.stream(CommentColumn.values())
                .map(col -> col.columnName() + " " + sqlType(col))
                .collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (" + columns + ")");
        }
    }

    static String sqlType(CommentColumn col) {
        switch (col.type()) {
            case BOOLEAN:
                return "bool";
            case FLOAT:
                return "float8";
            default:
                return "varchar(65535)";
        }
    }

    public static void insert(Connection c, String table, List<Comment> rows) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(CommentColumn.values().length, "?"));
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
            for (Comment r : rows) {
                Object[] v = values(r);
                for (int i = 0; i < v.length; i++) {
                    int type = v[i] instanceof Boolean ? Types.BOOLEAN : v[i] instanceof Double ? Types.DOUBLE : Types.VARCHAR;
                    if (v[i] == null) {
                        ps.setNull(i + 1, sqlTypeCode(CommentColumn.values()[i]));
                    } else {
                        ps.setObject(i + 1, v[i], type);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static int sqlTypeCode(CommentColumn col) {
        switch (col.type()) {
            case BOOLEAN:
                return Types.BOOLEAN;
            case FLOAT:
                return Types.DOUBLE;
            default:
                return Types.VARCHAR;
        }
    }

    /** A comment's 23 values in table order. */
    public static Object[] values(Comment r) {
        return new Object[] {r.bannedBy(), r.noFollow(), r.linkId(), r.gilded(), r.author(), r.authorVerified(),
            r.authorCommentKarma(), r.authorLinkKarma(), r.numComments(), r.createdUtc(), r.score(), r.over18(),
            r.body(), r.downs(), r.isSubmitter(), r.numReports(), r.controversiality(), r.quarantine(), r.ups(),
            r.isBot(), r.isTroll(), r.recentCommentsJson(), r.isTraining()};
    }
}
