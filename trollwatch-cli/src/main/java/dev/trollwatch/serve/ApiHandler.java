package dev.trollwatch.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API: {@code POST /} and {@code POST /predict} score one comment (a JSON object) or a batch
 * (an array); {@code GET /health} and {@code GET /model} (and their {@code HEAD}s) describe the
 * server and its model. Bad input gets a 4xx JSON error naming the field; only a bug in
 * trollwatch gives a 500. The body is read without blocking a thread (see {@link BodyReader}).
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final int PATH_IN_ERRORS = 60;

    private final RequestJson json;
    private final ObjectMapper mapper;
    private final Answers answers;
    private final ObjectNode modelMetadata;
    private final String modelId;
    private final ServeOptions options;
    private final BodyBudget bodies;
    private final Instant started = Instant.now();

    ApiHandler(RequestJson json, Answers answers, ObjectNode modelMetadata, String modelId, ServeOptions options,
            BodyBudget bodies) {
        this.json = json;
        this.mapper = json.mapper();
        this.answers = answers;
        this.modelMetadata = modelMetadata;
        this.modelId = modelId;
        this.options = options;
        this.bodies = bodies;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        switch (path) {
            case "/", "/predict" -> {
                if (!"POST".equals(request.getMethod())) {
                    fail(response, callback, BadRequestException.methodNotAllowed(request.getMethod(), "POST"));
                } else {
                    BodyReader.read(request, options.maxBodyBytes(), bodies, (body, failure) -> {
                        if (failure == null) {
                            answer(request, response, callback, () -> predict(body, explainRequested(request.getHttpURI().getQuery())));
                        } else if (failure instanceof BadRequestException e) {
                            fail(response, callback, e);
                        } else {
                            callback.failed(failure); // the connection is gone
                        }
                    });
                }
            }
            case "/health" -> describe(request, response, callback, this::health);
            case "/model" -> describe(request, response, callback, () -> modelMetadata);
            default -> fail(response, callback, new BadRequestException(404, null, "no such endpoint: "
                    + JsonResponses.snippet(path, PATH_IN_ERRORS) + " (POST / or /predict, GET /health or /model)"));
        }
        return true;
    }

    private void describe(Request request, Response response, Callback callback, Supplier<JsonNode> body) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            fail(response, callback, BadRequestException.methodNotAllowed(method, "GET, HEAD"));
        } else {
            answer(request, response, callback, body); // Jetty sends no body for HEAD
        }
    }

    /** Sends what {@code body} computes, or the error it throws (500 for a bug). */
    private void answer(Request request, Response response, Callback callback, Supplier<JsonNode> body) {
        JsonNode out;
        try {
            out = body.get();
        } catch (BadRequestException e) {
            fail(response, callback, e);
            return;
        } catch (RuntimeException e) {
            LOG.error("internal error answering {} {}", request.getMethod(),
                    JsonResponses.snippet(Request.getPathInContext(request), PATH_IN_ERRORS), e);
            fail(response, callback, new BadRequestException(500, null, "internal error"));
            return;
        }
        JsonResponses.send(response, callback, 200, out, mapper);
    }

    private void fail(Response response, Callback callback, BadRequestException e) {
        JsonResponses.sendError(response, callback, e, mapper);
    }

    private JsonNode predict(byte[] body, boolean explainAll) {
        JsonNode request = json.parse(body);
        if (!request.isArray()) {
            return answers.answer(CommentJson.parse(request), explainAll || explainField(request));
        }
        if (request.size() > options.maxBatch()) {
            throw new BadRequestException(413, null, "a batch holds at most " + options.maxBatch()
                    + " comments, this one has " + request.size());
        }
        ArrayNode out = mapper.createArrayNode();
        for (int i = 0; i < request.size(); i++) {
            try {
                out.add(answers.answer(CommentJson.parse(request.get(i)), explainAll || explainField(request.get(i))));
            } catch (BadRequestException e) {
                throw e.within("[" + i + "]" + (e.field() == null || e.field().isEmpty() ? "" : "."));
            }
        }
        return out;
    }

    /**
     * {@code ?explain=1} (or {@code true}, or a bare {@code explain}) asks for explanations of every
     * comment of the request, {@code 0} or {@code false} for none. Any other value, or two that
     * disagree, is a 400: {@code ?explain=yes} was silently no explanation.
     */
    private static boolean explainRequested(String query) {
        if (query == null) {
            return false;
        }
        Boolean wanted = null;
        for (String raw : query.split("&")) {
            String part = decoded(raw); // ?explain=%31 is ?explain=1
            if (!part.equals("explain") && !part.startsWith("explain=")) {
                continue;
            }
            String value = part.equals("explain") ? "1" : part.substring("explain=".length());
            boolean on = switch (value) {
                case "1", "true" -> true;
                case "0", "false" -> false;
                default -> throw BadRequestException.field("?explain", "expected 1, true, 0 or false, found \""
                        + JsonResponses.snippet(value, 40) + "\"");
            };
            if (wanted != null && wanted != on) {
                throw BadRequestException.field("?explain", "given twice with different values");
            }
            wanted = on;
        }
        return wanted != null && wanted;
    }

    /** A query parameter with its %-escapes and '+' decoded; a broken escape is a 400. */
    private static String decoded(String part) {
        try {
            return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BadRequestException.field("?" + JsonResponses.snippet(part, 40), "a broken %-escape in the query");
        }
    }

    /** {@code "explain": true} in a comment object asks for its explanation. */
    private static boolean explainField(JsonNode comment) {
        JsonNode e = comment.get("explain");
        if (e == null || e.isNull()) {
            return false;
        }
        if (!e.isBoolean()) {
            throw BadRequestException.field("explain", "expected true or false, found " + e);
        }
        return e.booleanValue();
    }

    private JsonNode health() {
        ObjectNode out = mapper.createObjectNode();
        out.put("status", "ok");
        out.put("model_id", modelId);
        out.put("uptime_seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        return out;
    }
}
