package dev.trollwatch.io.dump;

import dev.trollwatch.io.field.DataFormatException;
import dev.trollwatch.io.field.DumpStructureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a {@link CommentReader} for any supported dump: gzip sniffed, format detected unless forced. */
public final class CommentReaders {
    private static final Logger LOG = LoggerFactory.getLogger(CommentReaders.class);

    private CommentReaders() {
    }

    /**
     * Reads a dump from a stream (a file, a FIFO, stdin); {@code name} is used in messages. The stream is
     * closed with the reader, or at once when opening fails. Open a file with {@code FileInputStream}, not {@code Files.newInputStream}:
     * on a FIFO the channel stream's available() seeks and fails ("Illegal seek"), and gzip asks it at the
     * end of every member.
     *
     * @param in     the dump's bytes (plain or gzip-compressed)
     * @param format the format, or null to detect it from the first lines
     * @param policy what to do with malformed rows
     * @throws DataFormatException when the header lacks required columns (all of them are listed)
     */
    public static CommentReader open(InputStream in, String name, InputFormat format, ErrorPolicy policy)
            throws IOException {
        DumpInput input;
        try {
            input = DumpInput.open(in);
        } catch (CorruptTextException e) {
            in.close();
            throw new DumpStructureException(name, e.line(), e.getMessage());
        } catch (IOException | RuntimeException e) { // a read error in the first chunk: no reader owns the stream yet
            in.close();
            throw e;
        }
        boolean ok = false;
        try {
            if (format == null && input.isBlank()) { // the CSV reader's words would speak of a header only
                throw new DumpStructureException(name, 1,
                        "empty file: expected a header line of column names, or JSON objects one per line");
            }
            if (format == null || format == InputFormat.JSONL) {
                refuseJsonDocument(name, input.head());
            }
            InputFormat f = format != null ? format : FormatDetector.detect(input.head());
            if (format == null) {
                LOG.debug("{}: detected format {}", name, f);
            }
            CommentReader reader;
            try {
                reader = create(input, name, f, policy == null ? ErrorPolicy.FAIL : policy);
            } catch (CorruptTextException e) {
                throw new DumpStructureException(name, e.line(), e.getMessage());
            }
            ok = true;
            return reader;
        } finally {
            if (!ok) {
                input.close();
            }
        }
    }

    private static final Pattern MODEL_JSON =
            Pattern.compile("\\{\\s*\"format\"\\s*:\\s*\"trollwatch-model\"");
    private static final Pattern METRICS_JSON =
            Pattern.compile("\\{\\s*\"schema_version\"\\s*:\\s*\\d+\\s*,\\s*\"command\"");

    /**
     * A JSON document spread over lines (a model or metrics file given as --in) starts with a line
     * holding only "{": read as JSON Lines, its first line was "expected a JSON object, got invalid
     * JSON (Unexpected end-of-input ...)". It is told for what it looks like.
     */
    private static void refuseJsonDocument(String name, String head) {
        String start = head.stripLeading();
        int eol = start.indexOf('\n');
        if (eol < 0 || !start.substring(0, eol).strip().equals("{")) {
            return;
        }
        if (MODEL_JSON.matcher(start).lookingAt()) {
            throw new DumpStructureException(name, 1, "looks like a trollwatch model file, not a dump");
        }
        if (METRICS_JSON.matcher(start).lookingAt()) {
            throw new DumpStructureException(name, 1, "looks like a trollwatch metrics file, not a dump");
        }
        throw new DumpStructureException(name, 1, "a JSON document over several lines, not a dump: JSON Lines has one"
                + " comment object per line");
    }

    private static CommentReader create(DumpInput input, String name, InputFormat f, ErrorPolicy policy)
            throws IOException {
        switch (f) {
            case PSQL:
                return new PsqlCommentReader(new BoundedLineReader(input, name, policy.maxRecordChars()), name, policy);
            case JSONL:
                return new JsonlCommentReader(new BoundedLineReader(input, name, policy.maxRecordChars()), name, policy);
            default:
                return new CsvCommentReader(input, name, f, policy);
        }
    }
}
