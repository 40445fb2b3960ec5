package dev.trollwatch.cli;

import dev.trollwatch.io.file.AtomicOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --out FILE} for the commands that write one result (generate, export, features, predict):
 * stdout, through picocli's writer, or a file that appears only when complete (temp file, then an
 * atomic move; gzip by a {@code .gz} name; devices and FIFOs written in place).
 */
public final class OutputOption {
    /** Writes the result to the stream it is given; does not close it. */
    @FunctionalInterface
    public interface Body<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file, gzip-compressed when it ends in .gz (any case); it appears only when complete."
                    + " '-' or absent: stdout. Not Parquet: scripts/trollwatch-spark writes that.")
    Path out;

    /** True when the result goes to stdout. */
    public boolean toStdout() {
        return out == null || out.toString().equals("-");
    }

    /** The output file, or null for stdout. */
    public Path file() {
        return toStdout() ? null : out;
    }

    /**
     * A usage error when the output file is {@code input} (named {@code inputOption}; null means
     * stdin): the result would replace it.
     */
    public void requireNotInput(String inputOption, Path input) {
        refuseParquet();
        // a null input is stdin (--in - or none)
        InputOverwriteCheck.requireDistinct("--out", file(), inputOption, input == null ? InputOverwriteCheck.STDIN : input);
    }

    /** A name ending in .parquet got CSV without a word. */
    private void refuseParquet() {
        if (toStdout()) {
            return;
        }
        String lower = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String parquet : new String[] {".parquet", ".parq", ".parquet.gz", ".parq.gz"}) {
            if (lower.endsWith(parquet)) {
                throw new UsageException("--out " + out + ": this command writes CSV or JSON Lines, not Parquet;"
                        + " scripts/trollwatch-spark writes Parquet");
            }
        }
    }

    /** Runs {@code body} on stdout (flushed, left open) or on the file (committed when it returns normally). */
    public <T> T write(Body<T> body) throws IOException {
        refuseParquet();
        if (toStdout()) {
            try (OutputStream stdout = new Utf8WriterStream(mixee.commandLine().getOut())) {
                return body.writeTo(stdout);
            }
        }
        try (AtomicOutput file = AtomicOutput.create(out)) {
            T result = body.writeTo(file.stream());
            file.commit();
            return result;
        }
    }
}
