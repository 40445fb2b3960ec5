package dev.trollwatch.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writing JSON answers and JSON errors ({@code {"error": ..., "field": ...}}) to a Jetty response. */
final class JsonResponses {
    static final String JSON = "application/json";
    static final int MAX_MESSAGE = 300;

    private JsonResponses() {
    }

    static void send(Response response, Callback callback, int status, JsonNode body, ObjectMapper mapper) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            callback.failed(e); // a tree we built ourselves always serializes
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /**
     * The error as JSON. After an error about the body's framing or size (408, 413, 501, 503) the
     * connection is closed: the rest of that request may still be on its way, and reading it would
     * only tie up the connection. A 503 (the server's body memory is spent) says when to retry.
     */
    static void sendError(Response response, Callback callback, BadRequestException e, ObjectMapper mapper) {
        if (e.status() == 405 && e.allow() != null) {
            response.getHeaders().put(HttpHeader.ALLOW, e.allow());
        }
        if (e.status() == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        if (e.closesConnection()) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        send(response, callback, e.status(), errorBody(mapper, e.getMessage(), e.field()), mapper);
    }

    /**
     * An error body. The message is cut to {@value #MAX_MESSAGE} characters: messages quote the
     * offending value, and a value may be thousands of digits long.
     */
    static ObjectNode errorBody(ObjectMapper mapper, String message, String field) {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", snippet(message, MAX_MESSAGE));
        if (field != null && !field.isEmpty()) {
            body.put("field", field);
        }
        return body;
    }

    /** Text from a client (a path, a parser's reason) cut to {@code max} characters for an error message. */
    static String snippet(String text, int max) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= max ? printable : printable.substring(0, max - 3) + "...";
    }
}
