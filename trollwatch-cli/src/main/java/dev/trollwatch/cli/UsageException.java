package dev.trollwatch.cli;

/** A bad combination of options found after parsing; reported like a picocli usage error (exit 2). */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
