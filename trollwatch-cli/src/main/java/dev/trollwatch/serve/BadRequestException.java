package dev.trollwatch.serve;

/**
 * A request the server refuses: answered with {@code status} and a JSON error naming
 * {@code field} (null when the problem is not one field, e.g. the body is not JSON).
 */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final String allow;

    public BadRequestException(int status, String field, String message) {
        this(status, field, message, null);
    }

    private BadRequestException(int status, String field, String message, String allow) {
        super(message);
        this.status = status;
        this.field = field;
        this.allow = allow;
    }

    /** A 400 about one field. */
    public static BadRequestException field(String field, String message) {
        return new BadRequestException(400, field, message);
    }

    /** A 405 whose answer names the methods allowed (its {@code Allow} header). */
    static BadRequestException methodNotAllowed(String method, String allow) {
        return new BadRequestException(405, null, method + " is not allowed here; use " + allow, allow);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** The methods allowed, for a 405; null otherwise. */
    String allow() {
        return allow;
    }

    /** The same error with its field path prefixed, e.g. {@code [3].} for the fourth comment of a batch. */
    BadRequestException within(String prefix) {
        return new BadRequestException(status, field == null ? null : prefix + field, getMessage(), allow);
    }
}
