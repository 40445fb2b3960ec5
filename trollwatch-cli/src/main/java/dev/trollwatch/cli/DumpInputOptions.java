package dev.trollwatch.cli;

import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.dump.CommentReaders;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.dump.InputFormat;
import dev.trollwatch.io.file.ByteCountingInputStream;
import dev.trollwatch.io.file.StandardStreams;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The input-dump options shared by every command that reads {@code reddit_comments} rows:
 * {@code --in}, {@code --format}, {@code --on-error}, {@code --max-errors}. Use as a {@code @Mixin}
 * and call {@link #open()}.
 */
public final class DumpInputOptions {
    /** What to do with a malformed row. */
    public enum OnError { fail, skip }

    @Option(names = "--in", paramLabel = "DUMP",
            description = "Input dump: CSV, PostgreSQL COPY CSV, psql -A output, the 2019 csv-writer dump or JSON Lines;"
                    + " gzip is detected. '-' or absent: stdin.")
    Path in;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            completionCandidates = FormatNames.class,
            description = "Input format, one of: ${COMPLETION-CANDIDATES}. Default: detected from the first lines.")
    InputFormat format;

    @Option(names = "--on-error", paramLabel = "fail|skip", defaultValue = "fail",
            description = "On a malformed row: fail (stop with its file:line:column) or skip it (logged, counted,"
                    + " summarised). Default: ${DEFAULT-VALUE}.")
    OnError onError;

    @Option(names = "--max-errors", paramLabel = "N",
            description = "With --on-error skip: fail once more than N rows were skipped. Default: no limit.")
    Long maxErrors;

    @Option(names = "--max-record-chars", paramLabel = "N", defaultValue = "" + ErrorPolicy.DEFAULT_MAX_RECORD_CHARS,
            description = "Longest record (CSV record, psql or JSON Lines line) accepted, in characters; a longer one "
                    + "fails with its file:line. Default: ${DEFAULT-VALUE}.")
    int maxRecordChars;

    private ByteCountingInputStream counted;
    private long inputSize = -1;

    /** Opens the input with the chosen format and error policy. */
    public CommentReader open() throws IOException {
        ErrorPolicy policy = policy(); // a usage error before anything is opened
        return CommentReaders.open(openStream(), name(), format, policy);
    }

    /** The input's bytes, opened once (a FIFO or stdin can be read only once); its reading is counted for progress. */
    public InputStream openStream() throws IOException {
        if (path() == null) {
            return StandardStreams.stdin();
        }
        StandardStreams.requireInputOpen(in);
        inputSize = Files.size(in);
        counted = new ByteCountingInputStream(new FileInputStream(in.toFile())) /* FIFO-safe, see CommentReaders.open */;
        return counted;
    }

    /** A dump reader over {@code stream} (from {@link #openStream()}) with the chosen format and error policy. */
    public CommentReader reader(InputStream stream) throws IOException {
        return CommentReaders.open(stream, name(), format, policy());
    }

    /** The input as messages name it. */
    public String name() {
        return path() == null ? "<stdin>" : in.toString();
    }

    /** Fraction of the input file read so far (0..1), or -1 for stdin or before {@link #open()}. */
    public double fractionRead() {
        return counted == null ? -1 : counted.fractionOf(inputSize);
    }

    /** The error policy the options describe; a usage error for --max-errors without skip. */
    public ErrorPolicy policy() {
        return policy(onError, maxErrors, maxRecordChars);
    }

    /** The policy for --on-error and --max-errors (null = no limit), shared with {@link DumpReadingOptions}. */
    static ErrorPolicy policy(OnError onError, Long maxErrors, int maxRecordChars) {
        if (maxRecordChars < 1) {
            throw new UsageException("--max-record-chars must be at least 1, got " + maxRecordChars);
        }
        return policy(onError, maxErrors).withMaxRecordChars(maxRecordChars);
    }

    private static ErrorPolicy policy(OnError onError, Long maxErrors) {
        if (maxErrors != null && maxErrors < 0) {
            throw new UsageException("--max-errors must be 0 or more, got " + maxErrors);
        }
        if (onError == OnError.skip) {
            return maxErrors == null ? ErrorPolicy.skipAll() : ErrorPolicy.skip(maxErrors);
        }
        if (maxErrors != null) {
            throw new UsageException("--max-errors only applies with --on-error skip");
        }
        return ErrorPolicy.FAIL;
    }

    /** The --in path, or null for stdin. */
    public Path path() {
        return in == null || in.toString().equals("-") ? null : in;
    }

    /** True when --in was given (as a file or '-'). */
    public boolean given() {
        return in != null;
    }

    public InputFormat format() {
        return format;
    }

    /** Parses {@code --format} names such as {@code postgres-csv}. */
    static final class FormatConverter implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            try {
                return InputFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The format names for help and completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(InputFormat.values()).map(InputFormat::cliName).iterator();
        }
    }
}
