package dev.trollwatch.io.field;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The limits every JSON input is parsed with — JSON Lines rows, {@code recent_comments} texts,
 * HTTP requests, Kafka messages — so that a comment is refused or accepted the same way whichever
 * door it came in by. Tighter than Jackson's defaults (nesting 1,000, keys 50,000 characters):
 * a real comment nests four deep and its keys are column names of at most 23 characters.
 */
public final class JsonLimits {
    /** Arrays and objects inside one another; a batch of comments with their recent ones is 4. */
    public static final int MAX_NESTING = 64;
    /** Characters of one key. */
    public static final int MAX_KEY_LENGTH = 1000;
    /** Digits of one number; a double needs 17 significant digits, a CSV-style number a few more. */
    public static final int MAX_NUMBER_LENGTH = 1000;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxNameLength(MAX_KEY_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build();

    private JsonLimits() {
    }

    public static StreamReadConstraints constraints() {
        return CONSTRAINTS;
    }
}
