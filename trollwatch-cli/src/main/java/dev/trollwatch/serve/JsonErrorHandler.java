package dev.trollwatch.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty itself answers — broken framing (two {@code Content-Length}s, a bad chunk
 * size, an unknown {@code Transfer-Encoding}), a request line or headers over their limit, an
 * ambiguous URI — as the API's JSON errors instead of HTML pages. Reasons are Jetty's short fixed
 * texts, cut to 200 characters, and never echo the request; a 500 (an exception escaped a
 * handler) is only "internal error", as the API's own 500s.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper;

    JsonErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : 500;
        String reason = request.getAttribute(ERROR_MESSAGE) instanceof String m ? m : null;
        JsonResponses.send(response, callback, status, JsonResponses.errorBody(mapper, message(status, reason), null), mapper);
        return true;
    }

    /** The answer to a request too broken to be handled at all (written by the connection itself). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JsonResponses.JSON);
        try {
            return ByteBuffer.wrap(mapper.writeValueAsBytes(JsonResponses.errorBody(mapper, message(status, reason), null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a two-field object always serializes
        }
    }

    private static String message(int status, String reason) {
        if (status == 500) {
            return "internal error"; // Jetty's reason is then the exception's text: not for clients
        }
        String what = HttpStatus.getMessage(status);
        if (reason == null || reason.isBlank() || reason.equalsIgnoreCase(what)) {
            return what.toLowerCase(java.util.Locale.ROOT);
        }
        return what.toLowerCase(java.util.Locale.ROOT) + ": " + JsonResponses.snippet(reason, 200);
    }
}
