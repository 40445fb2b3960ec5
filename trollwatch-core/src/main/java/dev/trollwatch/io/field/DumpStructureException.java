package dev.trollwatch.io.field;

/**
 * A problem with the dump as a whole — truncated (psql footer missing or wrong, quote never closed),
 * wrong header — rather than with one row. Never skipped, whatever the {@code ErrorPolicy} (io.dump).
 */
public class DumpStructureException extends DataFormatException {
    private static final long serialVersionUID = 1L;

    public DumpStructureException(String file, long line, String problem) {
        super(file, line, null, null, problem);
    }
}
