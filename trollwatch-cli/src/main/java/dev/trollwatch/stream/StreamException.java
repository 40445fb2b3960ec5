package dev.trollwatch.stream;

import dev.trollwatch.TrollwatchException;

/** The stream cannot go on: Kafka unreachable, not authorised, another instance took over, a bad client setting. */
public final class StreamException extends TrollwatchException {
    private static final long serialVersionUID = 1L;

    public StreamException(String message) {
        super(message);
    }

    public StreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
