package dev.trollwatch.io.dump;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.field.ColumnLayout;
import dev.trollwatch.io.field.DataFormatException;
import dev.trollwatch.io.field.DumpStructureException;
import dev.trollwatch.io.field.InvalidFieldException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code psql -A} unaligned output: a header of column names joined by '|', one row per line
 * (bodies carry no line breaks), NULL and empty both printed as nothing (read as NULL), and a footer
 * {@code (N rows)}. The footer must be present and agree with the number of data lines, so a truncated
 * dump fails instead of silently yielding fewer rows.
 */
final class PsqlCommentReader extends AbstractCommentReader {
    private static final Pattern FOOTER = Pattern.compile("\\((\\d+) rows?\\)");

    private final BoundedLineReader in;
    private final ColumnLayout layout;
    private final PsqlLineSplitter splitter;
    private final RowDecoder decoder;
    private long line = 1;
    private long dataLines;
    private boolean footerSeen;

    PsqlCommentReader(BoundedLineReader in, String fileName, ErrorPolicy policy) throws IOException {
        super(fileName, InputFormat.PSQL, policy, in);
        this.in = in;
        String header = in.readLine();
        if (header == null) {
            throw new DumpStructureException(fileName, 1, "empty file: expected a header line of column names");
        }
        if (header.isBlank()) { // psql -A starts with its header; the columns would all be reported missing
            throw new DumpStructureException(fileName, 1, "a blank line: expected a header line of column names");
        }
        this.layout = ColumnLayout.of(fileName, Arrays.asList(header.split("\\|", -1)));
        this.splitter = new PsqlLineSplitter(layout);
        this.decoder = new RowDecoder(layout);
    }

    @Override
    protected Comment readRow() throws IOException {
        while (true) {
            String text = in.readLine();
            if (text == null) {
                checkFooterSeen();
                return null;
            }
            line++;
            if (footerSeen) {
                if (!text.isBlank()) {
                    throw new DumpStructureException(fileName(), line, "unexpected text after the '(N rows)' footer");
                }
                continue;
            }
            Matcher m = FOOTER.matcher(text);
            if (m.matches()) {
                footerSeen = true;
                checkCount(Long.parseLong(m.group(1)));
                continue;
            }
            dataLines++;
            try {
                String[] fields = splitter.split(text);
                return decoder.decode(fields, fields.length);
            } catch (InvalidFieldException e) {
                throw new DataFormatException(fileName(), line, e);
            }
        }
    }

    private void checkCount(long promised) {
        if (promised != dataLines) {
            throw new DumpStructureException(fileName(), line, "the footer says " + promised + " rows but the file has "
                    + dataLines + " data lines (truncated or edited dump?)");
        }
    }

    private void checkFooterSeen() {
        if (!footerSeen) {
            throw new DumpStructureException(fileName(), line, "no '(N rows)' footer after " + dataLines
                    + " data lines: the psql dump is truncated");
        }
    }

    @Override
    protected long rowLine() {
        return line;
    }

    @Override
    public Set<CommentColumn> columns() {
        return layout.columns();
    }
}
