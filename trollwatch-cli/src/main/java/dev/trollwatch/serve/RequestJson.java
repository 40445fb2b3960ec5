package dev.trollwatch.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trollwatch.io.field.JsonErrorText;
import dev.trollwatch.io.field.JsonLimits;
import dev.trollwatch.io.field.Utf8Bytes;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Parses a request body into a JSON tree with bounded nesting, key and number lengths (the
 * {@link JsonLimits} every JSON input has, the {@code recent_comments} text included). Any
 * failure — bad syntax or a parser limit — is a 400 naming where in the body parsing stopped
 * (e.g. {@code [2].recent_comments}), never an internal error.
 */
final class RequestJson {
    static final int MAX_NESTING = JsonLimits.MAX_NESTING;
    static final int MAX_KEY_LENGTH = JsonLimits.MAX_KEY_LENGTH;
    static final int MAX_NUMBER_LENGTH = JsonLimits.MAX_NUMBER_LENGTH;

    private final ObjectMapper mapper;

    RequestJson() {
        this.mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory().setStreamReadConstraints(JsonLimits.constraints());
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The body's one JSON value; 400 when it is empty, not JSON, over a limit or followed by more. */
    JsonNode parse(byte[] body) {
        int malformed = Utf8Bytes.firstMalformed(body);
        if (malformed >= 0) {
            throw new BadRequestException(400, null, "the body is not valid UTF-8 (byte " + (malformed + 1) + ")");
        }
        try (JsonParser p = mapper.createParser(body)) {
            JsonNode tree;
            try {
                tree = mapper.readTree(p);
                if (tree != null && p.nextToken() != null) {
                    throw new BadRequestException(400, null, "the body holds more than one JSON value");
                }
            } catch (StreamConstraintsException e) {
                JsonStreamContext at = p.getParsingContext();
                // a key too long: the context's name is the key before it; the object is where it failed
                throw new BadRequestException(400, where(JsonErrorText.isKeyTooLong(e) ? at.getParent() : at),
                        "the body exceeds a JSON limit: " + JsonErrorText.reason(e));
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                String position = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                throw new BadRequestException(400, where(p.getParsingContext()),
                        "the body is not valid JSON" + position + ": " + JsonErrorText.reason(e));
            }
            if (tree == null || tree.isMissingNode()) {
                throw new BadRequestException(400, null,
                        "empty body: send one comment as a JSON object, or an array of them");
            }
            return tree;
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array failed", e); // no I/O happens
        }
    }

    /**
     * Where parsing stopped, as a field path: {@code author}, {@code [3].body},
     * {@code recent_comments[0]}; null at the top level. Long (deeply nested) paths are shortened.
     */
    static String where(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return JsonResponses.snippet(path, 120);
    }
}
