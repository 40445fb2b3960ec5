package dev.trollwatch.spark;

import dev.trollwatch.io.dump.InputFormat;
import dev.trollwatch.spark.job.DumpOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** How features and predict read dumps: the CLI's --on-error rules, the text format under another name. */
public final class DumpInputMixin {
    /** What to do with a malformed row. */
    public enum OnError { fail, skip }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "PATH",
            description = "Dump file, directory or glob (local, hdfs://, s3a://): clean CSV, PostgreSQL/Redshift CSV, "
                    + "psql, 2019 CSV, JSON Lines (each maybe gzip) or Parquet (*.parquet, e.g. Redshift UNLOAD).")
    String in;

    @Option(names = "--in-format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Text dump format: csv, postgres-csv, psql, csv-2019 or jsonl (what 'trollwatch features --format'"
                    + " sets). Default: detected per file.")
    InputFormat inFormat;

    @Option(names = "--on-error", paramLabel = "fail|skip", defaultValue = "fail",
            description = "On a malformed row: fail (stop with its file:line and field) or skip it. Default: ${DEFAULT-VALUE}.")
    OnError onError;

    @Option(names = "--max-errors", paramLabel = "N",
            description = "With --on-error skip: fail once more than N rows of one file were skipped. Default: no limit.")
    Long maxErrors;

    DumpOptions options() {
        if (maxErrors != null && onError != OnError.skip) {
            throw new ParameterException(spec.commandLine(), "--max-errors needs --on-error skip");
        }
        if (maxErrors != null && maxErrors < 0) {
            throw new ParameterException(spec.commandLine(), "--max-errors must be >= 0, got " + maxErrors);
        }
        return new DumpOptions(inFormat, onError == OnError.skip, maxErrors == null ? Long.MAX_VALUE : maxErrors);
    }

    /** Parses format names as the CLI does. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            try {
                return InputFormat.parse(value);
            } catch (IllegalArgumentException e) { // picocli would quote the exception's class
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
