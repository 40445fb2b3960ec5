package dev.trollwatch.cli;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.generate.CommentGenerator;
import dev.trollwatch.generate.GeneratorSettings;
import dev.trollwatch.io.dump.CommentWriter;
import dev.trollwatch.io.dump.OutputFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trollwatch generate}: writes synthetic {@code reddit_comments} rows. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Write synthetic reddit_comments rows: per-author histories, recent_comments windows of up to 20 "
                + "earlier comments, and three overlapping classes (normal users, bots, trolls).",
            "The same --seed gives byte-identical output. Memory does not grow with --rows."})
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--rows", paramLabel = "N", defaultValue = "10000",
            description = "Number of rows (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Random seed; same seed, same bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "Output format: csv, psql (psql -A unaligned) or jsonl (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Option(names = "--bot-fraction", paramLabel = "F", defaultValue = "0.153",
            description = "Share of rows written by bots, 0..1 (default: ${DEFAULT-VALUE}).")
    double botFraction;

    @Option(names = "--troll-fraction", paramLabel = "F", defaultValue = "0.070",
            description = "Share of rows written by trolls, 0..1; bots + trolls <= 1 (default: ${DEFAULT-VALUE}).")
    double trollFraction;

    @Override
    public Integer call() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(rows, seed, botFraction, trollFraction);
        output.write(stream -> generate(settings, stream));
        return ExitCode.OK;
    }

    private long generate(GeneratorSettings settings, OutputStream stream) throws IOException {
        CommentGenerator generator = new CommentGenerator(settings);
        try (ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), "generate", rows);
             CommentWriter writer = format.open(stream)) {
            while (generator.hasNext()) {
                Comment c = generator.next();
                writer.write(c);
                progress.advance(1);
            }
            return progress.done();
        }
    }
}
