package dev.trollwatch.modelio;

import dev.trollwatch.TrollwatchException;

/** A model file that cannot be used: wrong format or version, other features, or a broken tree. */
public final class MalformedModelException extends TrollwatchException {
    private static final long serialVersionUID = 1L;

    public MalformedModelException(String message) {
        super(message);
    }

    public MalformedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
