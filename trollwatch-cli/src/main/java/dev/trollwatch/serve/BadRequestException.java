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
    private final boolean closesConnection;

    public BadRequestException(int status, String field, String message) {
        this(status, field, message, null, status == 408 || status == 413 || status == 415 || status == 501 || status == 503);
    }

    private BadRequestException(int status, String field, String message, String allow, boolean closesConnection) {
        super(message);
        this.status = status;
        this.field = field;
        this.allow = allow;
        this.closesConnection = closesConnection;
    }

    /** A 400 about the request's framing: where its body ends is unknown, so the connection is closed after it. */
    static BadRequestException framing(String message) {
        return new BadRequestException(400, null, message, null, true);
    }

    /** A 400 about one field. */
    public static BadRequestException field(String field, String message) {
        return new BadRequestException(400, field, message);
    }

    /** A 405 whose answer names the methods allowed (its {@code Allow} header). */
    static BadRequestException methodNotAllowed(String method, String allow) {
        return new BadRequestException(405, null, method + " is not allowed here; use " + allow, allow, false);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    /**
     * Whether the connection is closed after the answer: after a 408, 413, 415, 501 or 503, and a 400
     * about framing, the rest of the body may still be on its way.
     */
    boolean closesConnection() {
        return closesConnection;
    }

    /** The methods allowed, for a 405; null otherwise. */
    String allow() {
        return allow;
    }

    /** The same error with its field path prefixed, e.g. {@code [3].} for the fourth comment of a batch. */
    BadRequestException within(String prefix) {
        return new BadRequestException(status, field == null ? null : prefix + field, getMessage(), allow, closesConnection);
    }
}
