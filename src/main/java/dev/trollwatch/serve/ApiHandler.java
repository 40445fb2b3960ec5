package dev.trollwatch.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API: {@code POST /} and {@code POST /predict} score one comment (a JSON object) or a batch
 * (an array); {@code GET /health} and {@code GET /model} describe the server and its model. Bad
 * input gets a 4xx JSON error naming the field; only a bug in trollwatch gives a 500.
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final ObjectMapper mapper;
    private final Answers answers;
    private final ObjectNode modelMetadata;
    private final String modelId;
    private final ServeOptions options;
    private final Instant started = Instant.now();

    ApiHandler(ObjectMapper mapper, Answers answers, ObjectNode modelMetadata, String modelId, ServeOptions options) {
        this.mapper = mapper;
        this.answers = answers;
        this.modelMetadata = modelMetadata;
        this.modelId = modelId;
        this.options = options;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/", "/predict" -> predict(ex);
                case "/health" -> health(ex);
                case "/model" -> model(ex);
                default -> throw new BadRequestException(404, null, "no such endpoint: " + path
                        + " (POST / or /predict, GET /health or /model)");
            }
        } catch (BadRequestException e) {
            Exchanges.sendError(ex, e, mapper);
        } catch (IOException e) {
            LOG.debug("connection failed: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("internal error answering {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            Exchanges.sendError(ex, new BadRequestException(500, null, "internal error"), mapper);
        } finally {
            ex.close();
        }
    }

    private void predict(HttpExchange ex) throws IOException {
        Exchanges.requireMethod(ex, "POST");
        byte[] body = Exchanges.readBody(ex, options.maxBodyBytes());
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(400, null, "the body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        if (request == null || request.isMissingNode()) {
            throw new BadRequestException(400, null, "empty body: send one comment as a JSON object, or an array of them");
        }
        boolean explainAll = explainRequested(ex.getRequestURI().getRawQuery());
        if (request.isArray()) {
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
            Exchanges.sendJson(ex, 200, out, mapper);
        } else {
            Exchanges.sendJson(ex, 200, answers.answer(CommentJson.parse(request), explainAll || explainField(request)), mapper);
        }
    }

    /** {@code ?explain=1} (or {@code true}) asks for explanations of every comment of the request. */
    private static boolean explainRequested(String query) {
        if (query == null) {
            return false;
        }
        for (String part : query.split("&")) {
            if (part.equals("explain") || part.equals("explain=1") || part.equals("explain=true")) {
                return true;
            }
        }
        return false;
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

    private void health(HttpExchange ex) throws IOException {
        Exchanges.requireMethod(ex, "GET");
        ObjectNode out = mapper.createObjectNode();
        out.put("status", "ok");
        out.put("model_id", modelId);
        out.put("uptime_seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        Exchanges.sendJson(ex, 200, out, mapper);
    }

    private void model(HttpExchange ex) throws IOException {
        Exchanges.requireMethod(ex, "GET");
        Exchanges.sendJson(ex, 200, modelMetadata, mapper);
    }
}
