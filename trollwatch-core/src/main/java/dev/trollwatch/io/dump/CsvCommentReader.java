package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.field.ColumnLayout;
import dev.trollwatch.io.field.DataFormatException;
import dev.trollwatch.io.field.DumpStructureException;
import dev.trollwatch.io.field.InvalidFieldException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the CSV family: RFC 4180 CSV, PostgreSQL/Redshift {@code COPY … CSV} (same syntax; t/f
 * booleans, {@code ""} = empty string, empty unquoted = NULL) and the 2019 dump with {@code \"} quotes.
 *
 * <p>A first line that names no known column but has 22 or 23 fields is taken as data in table order:
 * that is what {@code COPY … CSV} and Redshift's {@code UNLOAD … CSV} write without {@code HEADER}.
 */
final class CsvCommentReader extends AbstractCommentReader {
    private static final Logger LOG = LoggerFactory.getLogger(CsvCommentReader.class);

    private final CsvScanner scanner;
    private final ColumnLayout layout;
    private final RowDecoder decoder;
    private String[] row = new String[0];
    /** The first line when it was data (headerless dump), until it has been returned. */
    private String[] firstRow;
    private boolean firstPending;

    CsvCommentReader(Reader in, String fileName, InputFormat format, ErrorPolicy policy) throws IOException {
        super(fileName, format, policy, in);
        this.scanner = new CsvScanner(in, fileName, format == InputFormat.CSV_2019, policy.maxRecordChars());
        if (!scanner.next()) {
            throw new DumpStructureException(fileName, 1, "empty file: expected a header line of column names");
        }
        List<String> header = new ArrayList<>(scanner.count());
        for (int i = 0; i < scanner.count(); i++) {
            String name = scanner.field(i);
            header.add(name == null ? "" : name);
        }
        int n = header.size();
        if (ColumnLayout.knownColumns(header) == 0 && (n == CommentColumn.values().length || n == CommentColumn.values().length - 1)) {
            LOG.info("{}: no header line; reading its {} columns in table order", fileName, n);
            firstRow = new String[n];
            for (int i = 0; i < n; i++) {
                firstRow[i] = scanner.field(i);
            }
            firstPending = true;
            header = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                header.add(CommentColumn.values()[i].columnName());
            }
        }
        this.layout = ColumnLayout.of(fileName, header);
        this.decoder = new RowDecoder(layout);
    }

    @Override
    protected Comment readRow() throws IOException {
        if (firstPending) {
            firstPending = false;
            try {
                return decoder.decode(firstRow, firstRow.length);
            } catch (InvalidFieldException e) {
                throw new DataFormatException(fileName(), 1, e);
            }
        }
        if (!scanner.next()) {
            return null;
        }
        int n = scanner.count();
        if (row.length < n) {
            row = new String[Math.max(n, layout.width())];
        }
        for (int i = 0; i < n; i++) {
            row[i] = scanner.field(i);
        }
        try {
            return decoder.decode(row, n);
        } catch (InvalidFieldException e) {
            throw new DataFormatException(fileName(), scanner.recordLine(), e);
        }
    }

    @Override
    protected long rowLine() {
        return scanner.recordLine();
    }

    @Override
    public Set<CommentColumn> columns() {
        return layout.columns();
    }
}
