package dev.trollwatch.modelio;

import java.io.IOException;

/** Raised by {@link ByteLimitedInputStream} when a model file turns out larger than any model is. */
final class ByteLimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    ByteLimitExceededException(String message) {
        super(message);
    }
}
