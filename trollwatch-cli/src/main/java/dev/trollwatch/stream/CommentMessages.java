package dev.trollwatch.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.field.ColumnLayout;
import dev.trollwatch.io.field.CommentJsonMapper;
import dev.trollwatch.io.field.InvalidFieldException;
import dev.trollwatch.io.field.JsonErrorText;
import dev.trollwatch.io.field.JsonLimits;
import dev.trollwatch.io.field.Utf8Bytes;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A message's bytes → a {@link Comment}: UTF-8 JSON, one comment per message, as the 2019 producer
 * sent them (the API body's keys plus extras such as {@code subreddit} or {@code link_title}, which
 * are ignored). The mapping is the shared {@link CommentJsonMapper}, the one the HTTP API and JSON
 * Lines dumps use, so a message is read exactly like a request.
 */
final class CommentMessages {
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(JsonLimits.constraints()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CommentMessages() {
    }

    /** The comment in this message, or the reason it has none. */
    static Decoded decode(byte[] value) {
        if (value == null || value.length == 0) {
            return Decoded.rejected(null, "empty message (no value)");
        }
        int malformed = Utf8Bytes.firstMalformed(value);
        if (malformed >= 0) {
            return Decoded.rejected(null, "not valid UTF-8 (byte " + (malformed + 1) + ")");
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return Decoded.rejected(null, "not JSON" + JsonErrorText.lineAndColumn(e) + ": " + JsonErrorText.reason(e));
        } catch (IOException e) {
            return Decoded.rejected(null, "not JSON: " + e.getMessage());
        }
        try {
            return new Decoded(CommentJsonMapper.fromJson(node), null);
        } catch (InvalidFieldException e) {
            String field = e.column();
            if (field == null && node != null && node.isObject()) {
                field = missingKeys(node); // the mapper names them only in the message
            }
            return Decoded.rejected(field, e.getMessage());
        }
    }

    private static String missingKeys(JsonNode node) {
        Set<CommentColumn> present = CommentJsonMapper.columnsOf(node);
        String missing = ColumnLayout.REQUIRED.stream().filter(c -> !present.contains(c))
                .map(CommentColumn::columnName).collect(Collectors.joining(","));
        return missing.isEmpty() ? null : missing;
    }

    /** A decoded comment, or the rejection when there is none. */
    record Decoded(Comment comment, Rejection rejection) {
        static Decoded rejected(String field, String reason) {
            return new Decoded(null, new Rejection(field, reason));
        }
    }
}
