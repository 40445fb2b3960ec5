package dev.trollwatch;

/**
 * A failure the user can act on: bad input, a missing file, an unusable model.
 * Its message is complete and shown to the user as-is (no stack trace), so it must
 * name the file, line and field where one is known. The CLI maps it to exit code 1.
 */
public class TrollwatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrollwatchException(String message) {
        super(message);
    }

    public TrollwatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
