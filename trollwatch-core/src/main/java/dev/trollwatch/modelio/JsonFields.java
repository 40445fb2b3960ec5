package dev.trollwatch.modelio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Typed access to the fields of a model file's JSON, each failure naming the file and the field. */
final class JsonFields {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String file;

    JsonFields(String file) {
        this.file = file;
    }

    JsonNode field(JsonNode parent, String name) {
        return field(parent, name, name);
    }

    JsonNode field(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            throw error(path, "missing");
        }
        return v;
    }

    String text(JsonNode parent, String name) {
        return text(parent, name, name);
    }

    String text(JsonNode parent, String name, String path) {
        JsonNode v = field(parent, name, path);
        if (!v.isTextual()) {
            throw error(path, "expected a string, found " + v);
        }
        return v.asText();
    }

    String optionalText(JsonNode parent, String name) {
        JsonNode v = parent.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    int integer(JsonNode parent, String name) {
        return integer(parent, name, name);
    }

    int integer(JsonNode parent, String name, String path) {
        JsonNode v = field(parent, name, path);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(path, "expected an integer, found " + v);
        }
        return v.asInt();
    }

    long count(JsonNode parent, String name, String path) {
        JsonNode v = field(parent, name, path);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw error(path, "expected a row count (integer >= 0), found " + v);
        }
        return v.asLong();
    }

    double number(JsonNode parent, String name, String path) {
        JsonNode v = field(parent, name, path);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw error(path, "expected a finite number, found " + v);
        }
        return v.asDouble();
    }

    /** An optional JSON object as a map (empty when absent). */
    Map<String, Object> map(JsonNode root, String name) {
        JsonNode node = root.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw error(name, "expected a JSON object");
        }
        return MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }

    MalformedModelException error(String field, String what) {
        return new MalformedModelException(file + ": " + (field.isEmpty() ? "" : "field " + field + ": ") + what);
    }
}
