package dev.trollwatch.io.table;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.io.field.FieldParsers;
import dev.trollwatch.io.field.InvalidFieldException;
import dev.trollwatch.io.file.GzipMembersInputStream;
import dev.trollwatch.io.file.StrictUtf8Reader;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a features CSV: header {@code author,link_id,created_utc,<the 20 features>[,target]}
 * (columns found by name; extra columns ignored), RFC 4180, gzip recognised by its magic bytes.
 * Also reads the 2019 pipeline's conventions: booleans {@code True}/{@code False} and {@code created_utc} as {@code YYYY-MM-DD HH:MM:SS} (UTC). An empty feature value is 0 (the
 * features' rule for nulls), an empty key a missing one (null author or link_id, NaN created_utc,
 * as {@code trollwatch features} writes them); NaN, infinities and non-numbers are errors naming
 * file, line and column.
 * Text is strict UTF-8 (a leading byte order mark dropped); an invalid byte is an error naming its line.
 * Line numbers assume one record per line (true of every features file trollwatch writes). A record
 * longer than {@link #MAX_RECORD_CHARS} is an error.
 */
public final class FeaturesCsvReader {
    private static final List<String> KEY_COLUMNS = List.of("author", "link_id", "created_utc");
    private static final String TARGET = "target";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm:ss[.SSSSSS][.SSS]");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private FeaturesCsvReader() {
    }

    /** True when the file's first line is a features CSV header (key columns and all 20 features). */
    public static boolean isFeaturesCsv(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16)) {
            return isFeaturesCsv(in);
        }
    }

    /**
     * The same test on a stream that supports mark/reset, which is left where it was: a FIFO or stdin
     * can be read only once, so the header is peeked at, not read. Looks at most {@link #PEEK_BYTES}
     * of (decompressed) text.
     */
    public static boolean isFeaturesCsv(InputStream in) throws IOException {
        in.mark(PEEK_BYTES);
        try {
            InputStream head = new BufferedInputStream(new BoundedInputStream(in, PEEK_BYTES), 1 << 12);
            BufferedReader r = new BufferedReader(reader(head), 1 << 12);
            String first = r.readLine();
            if (first == null) {
                return false;
            }
            List<String> cols = new ArrayList<>();
            for (String c : first.split(",", -1)) {
                cols.add(unquote(c.trim()));
            }
            return isFeaturesHeader(cols);
        } catch (java.io.EOFException | java.util.zip.ZipException | java.nio.charset.CharacterCodingException e) {
            return false; // a short or corrupt head: not a features CSV; the dump reader reports it with its line
        } finally {
            in.reset();
        }
    }

    /**
     * True for the column names of a features table: the key columns and the features (or a table
     * meant as one, see below). The same rule serves a Parquet table's schema.
     */
    public static boolean isFeaturesHeader(List<String> cols) {
        return cols.containsAll(KEY_COLUMNS) && (cols.containsAll(FeatureSchema.NAMES) || meantAsFeatures(cols));
    }

    /**
     * A header with a {@code recent_*} feature and no dump column of its own (body,
     * recent_comments) is a features CSV that lacks a column: read as one, its error names the
     * missing feature, where the dump reader would have asked for body and recent_comments.
     */
    private static boolean meantAsFeatures(List<String> cols) {
        if (cols.contains("body") || cols.contains("recent_comments")) {
            return false;
        }
        return cols.stream().anyMatch(c -> c.startsWith("recent_") && FeatureSchema.NAMES.contains(c));
    }

    /** The longest record read (a features row is about 400 characters): bounds memory on any input. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    /** How far into a stream the features-CSV test may look (the header line is ~400 bytes). */
    private static final int PEEK_BYTES = 1 << 16;

    /** At most {@code limit} bytes of a stream: a peek must stay within the stream's mark. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // peeking only; the stream stays open
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** All rows of the file, in file order. */
    public static List<FeatureRow> readAll(Path file) throws IOException {
        List<FeatureRow> rows = new ArrayList<>();
        read(file, rows::add);
        return rows;
    }

    /**
     * Streams the rows of the file to {@code sink}, in file order.
     *
     * @throws TrollwatchException for a missing column or a bad value (file, line, column named)
     */
    public static void read(Path file, Consumer<FeatureRow> sink) throws IOException {
        try (InputStream in = new FileInputStream(file.toFile())) { // FIFO-safe, see CommentReaders.open
            read(in, file.toString(), sink);
        }
    }

    /** As {@link #read(Path, Consumer)} from a stream ({@code file} names it in messages); closes it. */
    public static void read(InputStream raw, String file, Consumer<FeatureRow> sink) throws IOException {
        try (FeaturesCsvRows rows = open(raw, file)) {
            while (rows.hasNext()) {
                sink.accept(rows.next());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Opens a features CSV for reading row by row; the header is read and checked now. Closing the
     * rows closes {@code raw}.
     *
     * @throws TrollwatchException for an empty file or a missing column (file named)
     */
    public static FeaturesCsvRows open(InputStream raw, String file) throws IOException {
        // a column named twice was read from its last copy: a features file built by hand could
        // then score on the wrong values without a word
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        Reader in = new RecordLengthLimit(reader(new BufferedInputStream(raw, 1 << 16)), file, MAX_RECORD_CHARS);
        CSVParser parser;
        try {
            parser = CSVParser.parse(in, format);
        } catch (IllegalStateException | IllegalArgumentException e) {
            in.close(); // commons-csv reports a malformed header (e.g. a duplicate name) this way
            throw new TrollwatchException(file + ": malformed CSV: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        try {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw new TrollwatchException(file + ": empty file: expected a features CSV header");
            }
            int[] keys = new int[KEY_COLUMNS.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = column(file, header, KEY_COLUMNS.get(i));
            }
            int[] features = new int[FeatureSchema.SIZE];
            for (int i = 0; i < features.length; i++) {
                features[i] = column(file, header, FeatureSchema.NAMES.get(i));
            }
            Integer target = header.get(TARGET);
            return new FeaturesCsvRows(parser, file, header.size(), keys, features, target == null ? -1 : target);
        } catch (RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /**
     * UTF-8 text of a stream that supports mark, without a leading byte order mark; gzip is
     * recognised by its magic bytes, whatever the name.
     */
    private static Reader reader(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new GzipMembersInputStream(in, 1 << 16);
        }
        // strict: a lenient decoder would turn a corrupt author name into another author's
        BufferedReader text = new BufferedReader(new StrictUtf8Reader(in), 1 << 16);
        text.mark(1);
        if (text.read() != '\uFEFF') { // a byte order mark (Excel writes one) would stick to the first column's name
            text.reset();
        }
        return text;
    }

    private static int column(String file, Map<String, Integer> header, String name) {
        Integer i = header.get(name);
        if (i == null) {
            throw new TrollwatchException(file + ":1: missing column " + name
                    + "; a features CSV needs author, link_id, created_utc and the 20 features "
                    + "(see 'trollwatch features'), target to train or evaluate");
        }
        return i;
    }

    /** A feature value: decimal number, True/False, or empty (= 0). */
    static double number(String file, long line, String column, String raw) {
        String s = raw.trim();
        if (s.isEmpty()) {
            return 0;
        }
        if (s.equalsIgnoreCase("true")) {
            return 1;
        }
        if (s.equalsIgnoreCase("false")) {
            return 0;
        }
        char c0 = s.charAt(0);
        if ((c0 == 'n' || c0 == 'N' || c0 == 'i' || c0 == 'I' || c0 == '+' || c0 == '-') && NOT_FINITE.matcher(s).matches()) {
            throw new TrollwatchException(String.format(Locale.ROOT,
                    "%s:%d: column %s: expected a finite number, got %s", file, line, column, InvalidFieldException.quote(raw)));
        }
        if (!FieldParsers.looksNumeric(s)) {
            throw new TrollwatchException(String.format(Locale.ROOT,
                    "%s:%d: column %s: expected a number, got %s", file, line, column, InvalidFieldException.quote(raw)));
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw new TrollwatchException(String.format(Locale.ROOT,
                    "%s:%d: column %s: expected a finite number, got %s (beyond a double's range)", file, line, column,
                    InvalidFieldException.quote(raw)));
        }
        return d;
    }

    /** Unix seconds, or a UTC date-time {@code YYYY-MM-DD HH:MM:SS} as the 2019 pipeline wrote it. */
    static double createdUtc(String file, long line, String raw) {
        String s = raw.trim();
        if (s.isEmpty()) {
            return Double.NaN; // the dump had none; the writer writes that as empty
        }
        if (FieldParsers.looksNumeric(s)) {
            return Double.parseDouble(s);
        }
        try {
            return LocalDateTime.parse(s, DATE_TIME).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new TrollwatchException(String.format(Locale.ROOT,
                    "%s:%d: column created_utc: expected unix seconds or YYYY-MM-DD HH:MM:SS, got %s", file, line,
                    InvalidFieldException.quote(raw)));
        }
    }
}
