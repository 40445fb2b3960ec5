package dev.trollwatch.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutations of real scoring requests, for fuzzing the HTTP API: byte-level (flip, insert a
 * token, delete, truncate, duplicate) and JSON-aware (a field's value replaced by a hostile one, a
 * key removed, the {@code recent_comments} text mutated inside its string). Positions are
 * fractions of the length, so every mutation applies to any input.
 */
final class RequestMutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "@@HOSTILE@@";

    /** JSON values that have broken parsers, mappers or featurizers somewhere. */
    static final List<String> HOSTILE_VALUES = List.of(
            "1e999999", "-1e999999", "1" + "0".repeat(1200), "9".repeat(999), "NaN", "Infinity", "-0", "0.0",
            "1.7976931348623157e309", "4.9e-325", "\"1e999999\"", "\"NaN\"", "\"-Infinity\"", "\"\"", "null", "true",
            "false", "[]", "{}", "[" .repeat(200) + "]".repeat(200), "\"" + "x".repeat(70_000) + "\"",
            "\"\\ud800\"", "\"\\u0000\"", "{\"a\":".repeat(80) + "1" + "}".repeat(80), "\"[{}]\"", "\"[]\"",
            "\"[{\\\"score\\\":1e999999}]\"", "\"[" + "[".repeat(1500) + "]".repeat(1500) + "]\"",
            "{\"" + "k".repeat(2000) + "\":1}", "\"\\\"\"", "\"😀\"", "-", "1e", ".5", "0x10", "[1,2,3]");

    /** Byte strings to insert: JSON punctuation, escapes, invalid UTF-8, NUL. */
    private static final List<byte[]> TOKENS = List.of(
            b("{"), b("}"), b("["), b("]"), b("\""), b("\\"), b(","), b(":"), b("null"), b("1e999999"),
            b("\\u"), b("\\ud83d"), new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3}, new byte[] {0},
            b("\r\n"), b(" "), b("9".repeat(1100)), b("[".repeat(100)));

    /** One change to a request body. */
    interface Mutation {
        byte[] apply(byte[] body);
    }

    record Flip(double at, int value) implements Mutation {
        public byte[] apply(byte[] body) {
            if (body.length == 0) {
                return body;
            }
            byte[] out = body.clone();
            out[index(at, body.length - 1)] = (byte) value;
            return out;
        }
    }

    record Insert(double at, int token) implements Mutation {
        public byte[] apply(byte[] body) {
            byte[] t = TOKENS.get(token);
            int i = index(at, body.length);
            byte[] out = new byte[body.length + t.length];
            System.arraycopy(body, 0, out, 0, i);
            System.arraycopy(t, 0, out, i, t.length);
            System.arraycopy(body, i, out, i + t.length, body.length - i);
            return out;
        }

        @Override
        public String toString() {
            return "Insert[at=" + at + ", token=" + new String(TOKENS.get(token), StandardCharsets.ISO_8859_1) + "]";
        }
    }

    record Delete(double at, int length) implements Mutation {
        public byte[] apply(byte[] body) {
            int i = index(at, body.length);
            int n = Math.min(length, body.length - i);
            byte[] out = new byte[body.length - n];
            System.arraycopy(body, 0, out, 0, i);
            System.arraycopy(body, i + n, out, i, body.length - i - n);
            return out;
        }
    }

    record Truncate(double at) implements Mutation {
        public byte[] apply(byte[] body) {
            return java.util.Arrays.copyOf(body, index(at, body.length));
        }
    }

    record Duplicate(double at, int length) implements Mutation {
        public byte[] apply(byte[] body) {
            int i = index(at, body.length);
            int n = Math.min(length, body.length - i);
            byte[] out = new byte[body.length + n];
            System.arraycopy(body, 0, out, 0, i + n);
            System.arraycopy(body, i, out, i + n, body.length - i);
            return out;
        }
    }

    /** A field (of a comment, or of one of its recent comments) gets a hostile value, or is removed. */
    record ReplaceValue(double comment, double field, int value, boolean inRecent) implements Mutation {
        public byte[] apply(byte[] body) {
            JsonNode root = parse(body);
            ObjectNode target = pick(root, comment);
            if (target == null) {
                return body;
            }
            ObjectNode holder = target;
            JsonNode recent = null;
            if (inRecent) {
                if (!target.path("recent_comments").isTextual()) {
                    return body;
                }
                recent = parse(target.get("recent_comments").textValue().getBytes(StandardCharsets.UTF_8));
                holder = pick(recent, field);
                if (holder == null) {
                    return body;
                }
            }
            String name = fieldName(holder, field);
            if (value == HOSTILE_VALUES.size()) {
                holder.remove(name);
            } else {
                holder.put(name, HOLE);
            }
            if (recent != null) {
                target.put("recent_comments", withHostile(recent.toString()));
                return bytes(root);
            }
            return withHostile(root.toString()).getBytes(StandardCharsets.UTF_8);
        }

        private String withHostile(String json) {
            return value == HOSTILE_VALUES.size() ? json : json.replace('"' + HOLE + '"', HOSTILE_VALUES.get(value));
        }

        @Override
        public String toString() {
            String v = value == HOSTILE_VALUES.size() ? "(removed)" : HOSTILE_VALUES.get(value);
            return "ReplaceValue[comment=" + comment + ", field=" + field + ", inRecent=" + inRecent + ", value="
                    + (v.length() > 60 ? v.substring(0, 60) + "..." : v) + "]";
        }
    }

    /** The text inside the {@code recent_comments} string gets a byte-level mutation. */
    record MutateRecentText(double comment, Mutation inner) implements Mutation {
        public byte[] apply(byte[] body) {
            JsonNode root = parse(body);
            ObjectNode target = pick(root, comment);
            if (target == null || !target.path("recent_comments").isTextual()) {
                return body;
            }
            byte[] text = target.get("recent_comments").textValue().getBytes(StandardCharsets.UTF_8);
            target.put("recent_comments", new String(inner.apply(text), StandardCharsets.UTF_8));
            return bytes(root);
        }
    }

    private RequestMutations() {
    }

    /** Zero to four mutations in a row. */
    static Arbitrary<List<Mutation>> mutations() {
        return mutation().list().ofMinSize(0).ofMaxSize(4);
    }

    static Arbitrary<Mutation> mutation() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<Mutation> bytes = byteMutation(at);
        Arbitrary<Mutation> replace = Combinators.combine(at, at, Arbitraries.integers().between(0, HOSTILE_VALUES.size()),
                Arbitraries.of(false, true)).as(ReplaceValue::new);
        Arbitrary<Mutation> recent = Combinators.combine(at, byteMutation(at)).as(MutateRecentText::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, bytes), net.jqwik.api.Tuple.of(4, replace), net.jqwik.api.Tuple.of(2, recent));
    }

    private static Arbitrary<Mutation> byteMutation(Arbitrary<Double> at) {
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 400);
        return Arbitraries.oneOf(
                Combinators.combine(at, Arbitraries.integers().between(0, 255)).as(Flip::new),
                Combinators.combine(at, Arbitraries.integers().between(0, TOKENS.size() - 1)).as(Insert::new),
                Combinators.combine(at, length).as(Delete::new),
                at.map(Truncate::new),
                Combinators.combine(at, length).as(Duplicate::new));
    }

    static byte[] applyAll(byte[] body, List<Mutation> mutations) {
        byte[] out = body;
        for (Mutation m : mutations) {
            out = m.apply(out);
        }
        return out;
    }

    private static int index(double at, int length) {
        return (int) Math.min(length, Math.floor(at * (length + 1)));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null; // an earlier mutation broke the JSON: the JSON-aware ones leave it alone
        }
    }

    /** The comment object a fraction points at: the body itself, or an element of a batch. */
    private static ObjectNode pick(JsonNode root, double at) {
        if (root instanceof ObjectNode o) {
            return o;
        }
        if (root instanceof ArrayNode a && !a.isEmpty() && a.get(index(at, a.size() - 1)) instanceof ObjectNode o) {
            return o;
        }
        return null;
    }

    private static String fieldName(ObjectNode o, double at) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names.isEmpty() ? "author" : names.get(index(at, names.size() - 1));
    }

    private static byte[] bytes(JsonNode root) {
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
