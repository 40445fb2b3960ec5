package dev.trollwatch.modelio.sklearn;

import dev.trollwatch.TrollwatchException;

/** A pickle that is refused: not a decision tree, malformed, truncated, or asking to run code. */
public final class PickleException extends TrollwatchException {
    private static final long serialVersionUID = 1L;

    public PickleException(String message) {
        super(message);
    }
}
