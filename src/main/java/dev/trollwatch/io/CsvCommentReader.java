package dev.trollwatch.io;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the CSV family: RFC 4180 CSV, PostgreSQL/Redshift {@code COPY … CSV} (same syntax; t/f
 * booleans, {@code ""} = empty string, empty unquoted = NULL) and the 2019 dump with {@code \"} quotes.
 */
final class CsvCommentReader extends AbstractCommentReader {
    private final CsvScanner scanner;
    private final ColumnLayout layout;
    private final RowDecoder decoder;
    private String[] row = new String[0];

    CsvCommentReader(Reader in, String fileName, InputFormat format, ErrorPolicy policy) throws IOException {
        super(fileName, format, policy, in);
        this.scanner = new CsvScanner(in, fileName, format == InputFormat.CSV_2019);
        if (!scanner.next()) {
            throw new DumpStructureException(fileName, 1, "empty file: expected a header line of column names");
        }
        List<String> header = new ArrayList<>(scanner.count());
        for (int i = 0; i < scanner.count(); i++) {
            String name = scanner.field(i);
            header.add(name == null ? "" : name);
        }
        this.layout = ColumnLayout.of(fileName, header);
        this.decoder = new RowDecoder(layout);
    }

    @Override
    protected Comment readRow() throws IOException {
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
