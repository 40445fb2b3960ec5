package dev.trollwatch.io.dump;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;
import dev.trollwatch.io.field.CommentJsonMapper;
import dev.trollwatch.io.field.DataFormatException;
import dev.trollwatch.io.field.DumpStructureException;
import dev.trollwatch.io.field.InvalidFieldException;
import dev.trollwatch.io.field.JsonErrorText;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Reads JSON Lines: one object per line (blank lines ignored), mapped by {@link CommentJsonMapper}. */
final class JsonlCommentReader extends AbstractCommentReader {
    /** One value per line: text after it (a second object pasted on the line) was dropped silently. */
    private static final ObjectReader LINE = CommentJsonMapper.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final BoundedLineReader in;
    private long line;
    private long rowLine;
    private Set<CommentColumn> columns;

    JsonlCommentReader(BoundedLineReader in, String fileName, ErrorPolicy policy) {
        super(fileName, InputFormat.JSONL, policy, in);
        this.in = in;
    }

    @Override
    protected Comment readRow() throws IOException {
        while (true) {
            String text = in.readLine();
            if (text == null) {
                if (rowLine == 0) { // as in every format, an empty file is refused, not read as no rows
                    throw new DumpStructureException(fileName(), 1, "empty file: expected JSON objects, one per line");
                }
                return null;
            }
            line++;
            if (text.isBlank()) {
                continue;
            }
            rowLine = line;
            JsonNode node;
            try {
                node = LINE.readTree(text);
            } catch (JsonProcessingException e) {
                throw new DataFormatException(fileName(), line, null, "a JSON object",
                        "invalid JSON (" + JsonErrorText.reason(e) + ")");
            }
            if (columns == null && node != null && node.isObject()) {
                columns = Collections.unmodifiableSet(CommentJsonMapper.columnsOf(node));
            }
            try {
                return CommentJsonMapper.fromJson(node);
            } catch (InvalidFieldException e) {
                throw new DataFormatException(fileName(), line, e);
            }
        }
    }

    @Override
    protected long rowLine() {
        return rowLine;
    }

    /** The keys of the first object (read ahead if no row was read yet). */
    @Override
    public Set<CommentColumn> columns() {
        if (columns == null) {
            hasNext();
        }
        return columns == null ? Collections.unmodifiableSet(EnumSet.noneOf(CommentColumn.class)) : columns;
    }
}
