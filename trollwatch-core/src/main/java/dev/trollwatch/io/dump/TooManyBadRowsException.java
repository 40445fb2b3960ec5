package dev.trollwatch.io.dump;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.io.field.DataFormatException;

/** More malformed rows than the {@link ErrorPolicy} allows to skip; reading stops. */
public class TooManyBadRowsException extends TrollwatchException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long limit;
    private final DataFormatException last;

    public TooManyBadRowsException(String file, long limit, DataFormatException last) {
        super(file + ": more than " + limit + " malformed rows (the limit of rows to skip); the last: " + last.getMessage(),
                last);
        this.file = file;
        this.limit = limit;
        this.last = last;
    }

    public String file() {
        return file;
    }

    /** How many malformed rows could be skipped. */
    public long limit() {
        return limit;
    }

    /** The row that went over the limit. */
    public DataFormatException last() {
        return last;
    }
}
