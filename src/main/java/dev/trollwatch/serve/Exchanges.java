package dev.trollwatch.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reading bounded request bodies and sending JSON answers and errors. */
final class Exchanges {
    private Exchanges() {
    }

    /** The body, refused with 413 when longer than {@code limit} bytes (by header or by counting). */
    static byte[] readBody(HttpExchange ex, int limit) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException(400, null, "bad Content-Length header: " + declared);
            }
            if (length > limit) {
                throw tooLarge(limit);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length >= 0 ? (int) length : 8192);
        byte[] buf = new byte[8192];
        try (InputStream in = ex.getRequestBody()) {
            int r;
            while ((r = in.read(buf)) > 0) {
                if (out.size() + r > limit) {
                    throw tooLarge(limit);
                }
                out.write(buf, 0, r);
            }
        }
        return out.toByteArray();
    }

    private static BadRequestException tooLarge(int limit) {
        return new BadRequestException(413, null, "request body exceeds the limit of " + limit + " bytes");
    }

    static void sendJson(HttpExchange ex, int status, JsonNode body, ObjectMapper mapper) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sendError(HttpExchange ex, BadRequestException e, ObjectMapper mapper) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", e.getMessage());
        if (e.field() != null && !e.field().isEmpty()) {
            body.put("field", e.field());
        }
        if (e.status() == 413) {
            ex.getResponseHeaders().set("Connection", "close");
        }
        sendJson(ex, e.status(), body, mapper);
    }

    /** Refuses anything but {@code method} with 405 (and an Allow header). */
    static void requireMethod(HttpExchange ex, String method) {
        if (!method.equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", method);
            throw new BadRequestException(405, null, ex.getRequestMethod() + " is not allowed here; use " + method);
        }
    }
}
