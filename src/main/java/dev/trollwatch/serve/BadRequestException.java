package dev.trollwatch.serve;

/**
 * A request the server refuses: answered with {@code status} and a JSON error naming
 * {@code field} (null when the problem is not one field, e.g. the body is not JSON).
 */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    public BadRequestException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** A 400 about one field. */
    public static BadRequestException field(String field, String message) {
        return new BadRequestException(400, field, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** The same error with its field path prefixed, e.g. {@code [3].} for the fourth comment of a batch. */
    BadRequestException within(String prefix) {
        return new BadRequestException(status, field == null ? null : prefix + field, getMessage());
    }
}
