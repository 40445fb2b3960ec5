package dev.trollwatch.io.dump;

import java.io.IOException;

/**
 * Bytes that cannot be the text of a dump: invalid UTF-8, a NUL character, truncated or corrupt gzip
 * data. Raised by {@link DumpInput} with the line it was found on; readers turn it into a whole-file
 * error naming the file, because no database text holds such bytes.
 */
final class CorruptTextException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long line;

    CorruptTextException(long line, String problem, Throwable cause) {
        super(problem, cause);
        this.line = line;
    }

    long line() {
        return line;
    }
}
