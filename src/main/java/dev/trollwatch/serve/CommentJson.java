package dev.trollwatch.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.RecentComment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One comment of a scoring request, exactly as the 2019 API took it: a JSON object with the
 * columns of {@code reddit_comments} as keys, numbers as JSON numbers, booleans as JSON booleans,
 * and {@code recent_comments} as a string holding a JSON array (an array is accepted too).
 * The fields the features are computed from must be present (null is allowed and counts as 0 or
 * empty, as in training); a value of the wrong type is refused naming its field, e.g.
 * {@code recent_comments[3].score}. Unknown keys are ignored.
 */
final class CommentJson {
    /** Keys a request must carry: every input of the 20 features. */
    static final List<String> REQUIRED = List.of("no_follow", "author_verified", "author_comment_karma",
            "author_link_karma", "over_18", "is_submitter", "created_utc", "body", "recent_comments");

    private static final Set<String> TRUE = Set.of("true", "t", "1", "yes");
    private static final Set<String> FALSE = Set.of("false", "f", "0", "no");

    private final ObjectMapper mapper;

    CommentJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Comment parse(JsonNode o) {
        if (!o.isObject()) {
            throw BadRequestException.field("", "expected a JSON object (one comment), found " + kind(o));
        }
        for (String key : REQUIRED) {
            if (!o.has(key)) {
                throw BadRequestException.field(key, "missing field \"" + key + "\"");
            }
        }
        JsonNode recentNode = o.get("recent_comments");
        String recentJson;
        JsonNode recentArray;
        if (recentNode.isNull()) {
            recentJson = null;
            recentArray = null;
        } else if (recentNode.isTextual()) {
            recentJson = recentNode.asText();
            recentArray = parseArray(recentJson);
        } else if (recentNode.isArray()) {
            recentJson = recentNode.toString();
            recentArray = recentNode;
        } else {
            throw BadRequestException.field("recent_comments",
                    "expected a string holding a JSON array, or an array, found " + kind(recentNode));
        }
        return new Comment(
                text(o, "banned_by", ""), bool(o, "no_follow", ""), text(o, "link_id", ""), number(o, "gilded", ""),
                text(o, "author", ""), bool(o, "author_verified", ""), number(o, "author_comment_karma", ""),
                number(o, "author_link_karma", ""), number(o, "num_comments", ""), number(o, "created_utc", ""),
                number(o, "score", ""), bool(o, "over_18", ""), text(o, "body", ""), number(o, "downs", ""),
                bool(o, "is_submitter", ""), number(o, "num_reports", ""), number(o, "controversiality", ""),
                text(o, "quarantine", ""), number(o, "ups", ""), bool(o, "is_bot", ""), bool(o, "is_troll", ""),
                recentJson, recent(recentArray), bool(o, "is_training", ""));
    }

    private JsonNode parseArray(String json) {
        JsonNode a;
        try {
            a = json.isBlank() ? mapper.createArrayNode() : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw BadRequestException.field("recent_comments", "the string is not valid JSON: " + e.getOriginalMessage());
        }
        if (a == null || !a.isArray()) {
            throw BadRequestException.field("recent_comments", "the string must hold a JSON array, found " + kind(a));
        }
        return a;
    }

    private static List<RecentComment> recent(JsonNode array) {
        List<RecentComment> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode r = array.get(i);
            String p = "recent_comments[" + i + "].";
            if (!r.isObject()) {
                throw BadRequestException.field("recent_comments[" + i + "]", "expected a JSON object, found " + kind(r));
            }
            out.add(new RecentComment(
                    text(r, "banned_by", p), bool(r, "no_follow", p), text(r, "link_id", p), number(r, "gilded", p),
                    text(r, "author", p), bool(r, "author_verified", p), number(r, "author_comment_karma", p),
                    number(r, "author_link_karma", p), number(r, "num_comments", p), number(r, "created_utc", p),
                    number(r, "score", p), bool(r, "over_18", p), text(r, "body", p), number(r, "downs", p),
                    bool(r, "is_submitter", p), number(r, "num_reports", p), number(r, "controversiality", p),
                    text(r, "quarantine", p), number(r, "ups", p)));
        }
        return out;
    }

    /** A text column: strings, and numbers/booleans as their JSON text (quarantine came as both). */
    private static String text(JsonNode o, String key, String prefix) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        throw BadRequestException.field(prefix + key, "expected a string, found " + kind(v));
    }

    /** A float column: a JSON number, or a boolean as 0/1 (gilded was both). */
    private static Double number(JsonNode o, String key, String prefix) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            if (!Double.isFinite(d)) {
                throw BadRequestException.field(prefix + key, "expected a finite number, found " + v);
            }
            return d;
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? 1.0 : 0.0;
        }
        throw BadRequestException.field(prefix + key, "expected a number, found " + kind(v));
    }

    /** A boolean column: a JSON boolean, 0/1, or the spellings dumps use (true/false/t/f). */
    private static Boolean bool(JsonNode o, String key, String prefix) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber() && (v.asDouble() == 0 || v.asDouble() == 1)) {
            return v.asDouble() == 1;
        }
        if (v.isTextual()) {
            String s = v.asText().trim().toLowerCase(Locale.ROOT);
            if (TRUE.contains(s)) {
                return true;
            }
            if (FALSE.contains(s)) {
                return false;
            }
        }
        throw BadRequestException.field(prefix + key, "expected a boolean, found " + kind(v));
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String s = v.toString();
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + shown;
    }
}
