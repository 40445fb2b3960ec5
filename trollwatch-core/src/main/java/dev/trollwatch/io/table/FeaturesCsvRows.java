package dev.trollwatch.io.table;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.io.field.InvalidFieldException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of an open features CSV, pulled one at a time ({@link FeaturesCsvReader#open}): a Spark
 * task streams a file through it without holding the file. Bad values fail with a
 * {@link TrollwatchException} naming file, line and column; an I/O error is an {@link UncheckedIOException}.
 */
public final class FeaturesCsvRows implements Iterator<FeatureRow>, Closeable {
    /** How commons-csv's lexer starts a message: the line its record began on. */
    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\) ");
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String file;
    private final int columns;
    private final int[] keys;
    private final int[] features;
    private final int target;
    private long line = 1;

    /** {@code target} is -1 when the file has no target column. */
    FeaturesCsvRows(CSVParser parser, String file, int columns, int[] keys, int[] features, int target) {
        this.parser = parser;
        this.records = parser.iterator();
        this.file = file;
        this.columns = columns;
        this.keys = keys;
        this.features = features;
        this.target = target;
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (IllegalStateException e) {
            throw malformed(e);
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public FeatureRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord rec;
        try {
            rec = records.next();
        } catch (IllegalStateException e) {
            throw malformed(e);
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
        line = rec.getRecordNumber() + 1;
        if (rec.size() < columns) {
            throw new TrollwatchException(String.format(Locale.ROOT, "%s:%d: expected %d columns, got %d",
                    file, line, columns, rec.size()));
        }
        double[] v = new double[FeatureSchema.SIZE];
        for (int i = 0; i < v.length; i++) {
            v[i] = FeaturesCsvReader.number(file, line, FeatureSchema.NAMES.get(i), rec.get(features[i]));
        }
        Label label = null;
        if (target >= 0) {
            String t = rec.get(target);
            if (!t.isEmpty()) {
                label = Label.parse(t);
                if (label == null) {
                    throw new TrollwatchException(String.format(Locale.ROOT,
                            "%s:%d: column target: expected bot, normal or troll, got %s", file, line,
                            InvalidFieldException.quote(t)));
                }
            }
        }
        return new FeatureRow(textOrNull(rec.get(keys[0])), textOrNull(rec.get(keys[1])),
                FeaturesCsvReader.createdUtc(file, line, rec.get(keys[2])), v, label);
    }

    /** True when the file has a target column (labels). */
    public boolean hasTarget() {
        return target >= 0;
    }

    /** The line of the last row returned (1, the header, before the first). */
    public long lineNumber() {
        return line;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** An empty key is a missing one, as the dump readers have it (the writer writes null as empty). */
    private static String textOrNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** commons-csv reports some malformed CSV this way. */
    private TrollwatchException malformed(IllegalStateException e) {
        return new TrollwatchException(file + ": malformed CSV: " + e.getMessage());
    }

    /**
     * A read error names the file. The CSV lexer throws bad data (an unterminated quote) as an I/O
     * error too, "(startline 6) EOF reached …": that is a data error at a line, like the others here.
     */
    private RuntimeException unreadable(UncheckedIOException e) {
        IOException cause = e.getCause();
        if (cause instanceof CSVException) {
            Matcher m = START_LINE.matcher(cause.getMessage());
            String where = m.lookingAt() ? ":" + m.group(1) : "";
            String what = m.lookingAt() ? cause.getMessage().substring(m.end()) : cause.getMessage();
            return new TrollwatchException(file + where + ": malformed CSV: " + what);
        }
        return new UncheckedIOException(new IOException(file + ": " + cause.getMessage(), cause));
    }
}
