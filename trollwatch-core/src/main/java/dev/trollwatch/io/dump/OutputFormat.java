package dev.trollwatch.io.dump;

import java.io.IOException;
import java.io.OutputStream;

/** The dump formats trollwatch writes ({@code generate --format}); data/README.md describes each. */
public enum OutputFormat {
    /** RFC 4180 CSV with a header, {@code true}/{@code false}, null = empty field. */
    CSV,
    /** {@code psql -A} unaligned output: {@code |}-joined, no quoting, {@code t}/{@code f}, {@code (N rows)} footer. */
    PSQL,
    /** JSON Lines: one object per row, {@code recent_comments} as a string holding the JSON array. */
    JSONL;

    /** A writer of this format on {@code out} (UTF-8); the header, if any, is written now. */
    public CommentWriter open(OutputStream out) throws IOException {
        return switch (this) {
            case CSV -> new CsvCommentWriter(out);
            case PSQL -> new PsqlCommentWriter(out);
            case JSONL -> new JsonlCommentWriter(out);
        };
    }
}
