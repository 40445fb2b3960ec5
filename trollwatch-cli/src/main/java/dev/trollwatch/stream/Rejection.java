package dev.trollwatch.stream;

/**
 * Why a message could not be scored.
 *
 * @param field  the offending key or JSON path (e.g. {@code score}, {@code recent_comments[3].body}),
 *               or null when the problem is the whole message (not JSON, empty)
 * @param reason a readable explanation, e.g. {@code column score: expected a number, got "abc"}
 */
public record Rejection(String field, String reason) {
}
