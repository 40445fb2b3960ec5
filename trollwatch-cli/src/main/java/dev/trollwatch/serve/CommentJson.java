package dev.trollwatch.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.field.ColumnLayout;
import dev.trollwatch.io.field.CommentJsonMapper;
import dev.trollwatch.io.field.InvalidFieldException;

/**
 * One comment of a scoring request, exactly as the 2019 API took it: a JSON object with the
 * columns of {@code reddit_comments} as keys ({@code recent_comments} as a string holding a JSON
 * array, or an array). Mapped by the same {@link CommentJsonMapper} as JSON Lines dumps, so a
 * request is read exactly like a row of a dump; its errors become 400s naming the field (the
 * first missing required key, or the offending value, e.g. {@code recent_comments[3].score}),
 * and so do the mapper's own refusals: non-finite numbers ({@code 1e999999}) and the JSON
 * parser's limits inside the {@code recent_comments} string.
 */
final class CommentJson {
    private CommentJson() {
    }

    static Comment parse(JsonNode o) {
        if (!o.isObject()) {
            throw BadRequestException.field("", "expected a JSON object (one comment), found a JSON "
                    + o.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        for (CommentColumn c : CommentColumn.values()) {
            if (ColumnLayout.REQUIRED.contains(c) && !o.has(c.columnName())) {
                throw BadRequestException.field(c.columnName(), "missing field \"" + c.columnName() + "\"");
            }
        }
        try {
            return CommentJsonMapper.fromJson(o);
        } catch (InvalidFieldException e) {
            throw BadRequestException.field(e.column(), e.getMessage());
        }
    }
}
