package dev.trollwatch.io.field;

import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.comment.RecentComment;
import java.util.List;

/**
 * Writes {@code recent_comments} as the text the 2019 producer stored: Python
 * {@code json.dumps(list_of_dicts)} with its default {@code ", "} / {@code ": "} separators, the 19
 * keys in table order, floats as {@code 917.0}, {@code gilded} as an integer, {@code null}, and
 * non-ASCII characters escaped as {@code \\uXXXX}.
 *
 * <pre>{@code [{"banned_by": null, "no_follow": true, "link_id": "t3_a0pjxd", "gilded": 0, ...}, ...]}</pre>
 */
public final class RecentCommentsJsonWriter {
    private RecentCommentsJsonWriter() {
    }

    /** The JSON array text for these comments ({@code []} when empty). */
    public static String toJson(List<RecentComment> comments) {
        StringBuilder sb = new StringBuilder(64 + comments.size() * 700);
        sb.append('[');
        for (int i = 0; i < comments.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendObject(sb, comments.get(i));
        }
        return sb.append(']').toString();
    }

    /** The JSON object text of one entry, e.g. to pre-render an entry once and reuse it in many arrays. */
    public static String toJson(RecentComment c) {
        StringBuilder sb = new StringBuilder(700);
        appendObject(sb, c);
        return sb.toString();
    }

    /** Appends one entry as a JSON object with the 19 keys in table order. */
    private static void appendObject(StringBuilder sb, RecentComment c) {
        sb.append('{');
        key(sb, CommentColumn.BANNED_BY, true);
        text(sb, c.bannedBy());
        key(sb, CommentColumn.NO_FOLLOW, false);
        bool(sb, c.noFollow());
        key(sb, CommentColumn.LINK_ID, false);
        text(sb, c.linkId());
        key(sb, CommentColumn.GILDED, false);
        integral(sb, c.gilded());
        key(sb, CommentColumn.AUTHOR, false);
        text(sb, c.author());
        key(sb, CommentColumn.AUTHOR_VERIFIED, false);
        bool(sb, c.authorVerified());
        key(sb, CommentColumn.AUTHOR_COMMENT_KARMA, false);
        number(sb, c.authorCommentKarma());
        key(sb, CommentColumn.AUTHOR_LINK_KARMA, false);
        number(sb, c.authorLinkKarma());
        key(sb, CommentColumn.NUM_COMMENTS, false);
        number(sb, c.numComments());
        key(sb, CommentColumn.CREATED_UTC, false);
        number(sb, c.createdUtc());
        key(sb, CommentColumn.SCORE, false);
        number(sb, c.score());
        key(sb, CommentColumn.OVER_18, false);
        bool(sb, c.over18());
        key(sb, CommentColumn.BODY, false);
        text(sb, c.body());
        key(sb, CommentColumn.DOWNS, false);
        number(sb, c.downs());
        key(sb, CommentColumn.IS_SUBMITTER, false);
        bool(sb, c.isSubmitter());
        key(sb, CommentColumn.NUM_REPORTS, false);
        number(sb, c.numReports());
        key(sb, CommentColumn.CONTROVERSIALITY, false);
        number(sb, c.controversiality());
        key(sb, CommentColumn.QUARANTINE, false);
        text(sb, c.quarantine());
        key(sb, CommentColumn.UPS, false);
        number(sb, c.ups());
        sb.append('}');
    }

    private static void key(StringBuilder sb, CommentColumn column, boolean first) {
        if (!first) {
            sb.append(", ");
        }
        sb.append('"').append(column.columnName()).append("\": ");
    }

    private static void text(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
        } else {
            JsonText.appendString(sb, s);
        }
    }

    private static void bool(StringBuilder sb, Boolean b) {
        sb.append(b == null ? "null" : b ? "true" : "false");
    }

    private static void number(StringBuilder sb, Double d) {
        if (d == null) {
            sb.append("null");
        } else {
            JsonText.appendFloat(sb, d);
        }
    }

    /** gilded was an integer in the producer's JSON ({@code "gilded": 0}); keep a fraction if one appears. */
    private static void integral(StringBuilder sb, Double d) {
        if (d != null && d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append(d.longValue());
        } else {
            number(sb, d);
        }
    }
}
