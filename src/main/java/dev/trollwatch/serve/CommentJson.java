package dev.trollwatch.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.comment.RecentComment;
import dev.trollwatch.io.field.ColumnLayout;
import dev.trollwatch.io.field.CommentJsonMapper;
import dev.trollwatch.io.field.InvalidFieldException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One comment of a scoring request, exactly as the 2019 API took it: a JSON object with the
 * columns of {@code reddit_comments} as keys ({@code recent_comments} as a string holding a JSON
 * array, or an array). Mapped by the same {@link CommentJsonMapper} as JSON Lines dumps, so a
 * request is read exactly like a row of a dump; its errors become 400s naming the field (the
 * first missing required key, or the offending value, e.g. {@code recent_comments[3].score}).
 * Numbers must be finite: {@code 1e999999} overflows to infinity, which no real column holds.
 */
final class CommentJson {
    private static final String RECENT = CommentColumn.RECENT_COMMENTS.columnName();

    /** The numeric columns, read from a comment and from a recent comment (which has the same ones). */
    private static final List<NumericColumn> NUMBERS = List.of(
            new NumericColumn(CommentColumn.GILDED, Comment::gilded, RecentComment::gilded),
            new NumericColumn(CommentColumn.AUTHOR_COMMENT_KARMA, Comment::authorCommentKarma,
                    RecentComment::authorCommentKarma),
            new NumericColumn(CommentColumn.AUTHOR_LINK_KARMA, Comment::authorLinkKarma, RecentComment::authorLinkKarma),
            new NumericColumn(CommentColumn.NUM_COMMENTS, Comment::numComments, RecentComment::numComments),
            new NumericColumn(CommentColumn.CREATED_UTC, Comment::createdUtc, RecentComment::createdUtc),
            new NumericColumn(CommentColumn.SCORE, Comment::score, RecentComment::score),
            new NumericColumn(CommentColumn.DOWNS, Comment::downs, RecentComment::downs),
            new NumericColumn(CommentColumn.NUM_REPORTS, Comment::numReports, RecentComment::numReports),
            new NumericColumn(CommentColumn.CONTROVERSIALITY, Comment::controversiality, RecentComment::controversiality),
            new NumericColumn(CommentColumn.UPS, Comment::ups, RecentComment::ups));

    private CommentJson() {
    }

    static Comment parse(JsonNode o) {
        if (!o.isObject()) {
            throw BadRequestException.field("", "expected a JSON object (one comment), found a JSON "
                    + o.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        for (CommentColumn c : CommentColumn.values()) {
            if (ColumnLayout.REQUIRED.contains(c) && !o.has(c.columnName())) {
                throw BadRequestException.field(c.columnName(), "missing field \"" + c.columnName() + "\"");
            }
        }
        Comment comment;
        try {
            comment = CommentJsonMapper.fromJson(o);
        } catch (InvalidFieldException e) {
            throw BadRequestException.field(e.column(), e.getMessage());
        } catch (UncheckedIOException e) {
            // The recent_comments text is parsed on its own; a parser limit inside it surfaces this way.
            if (e.getCause() instanceof JsonProcessingException limit) {
                throw BadRequestException.field(RECENT, "column " + RECENT + ": " + limit.getOriginalMessage());
            }
            throw e;
        }
        requireFinite(comment);
        return comment;
    }

    private static void requireFinite(Comment comment) {
        for (NumericColumn n : NUMBERS) {
            requireFinite(n.ofComment().apply(comment), n.column().columnName());
        }
        List<RecentComment> recent = comment.recentComments();
        for (int i = 0; i < recent.size(); i++) {
            for (NumericColumn n : NUMBERS) {
                requireFinite(n.ofRecent().apply(recent.get(i)), RECENT + "[" + i + "]." + n.column().columnName());
            }
        }
    }

    private static void requireFinite(Double v, String field) {
        if (v != null && !Double.isFinite(v)) {
            throw BadRequestException.field(field, "column " + field + ": expected a finite number, got " + v);
        }
    }

    private record NumericColumn(CommentColumn column, Function<Comment, Double> ofComment,
            Function<RecentComment, Double> ofRecent) {
    }
}
