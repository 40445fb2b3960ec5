package dev.trollwatch.cli;

import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.pipeline.FeaturesExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trollwatch features}: the model's 20 features and the label of every comment of a dump. */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Compute the 20 model features and the label (bot/troll/normal) of every comment in a dump, exactly "
                + "as the 2019 Python pipeline did (docs/features.md).",
            "Rows repeating an earlier (author, link_id, created_utc) are dropped. Output: CSV with author, link_id, "
                + "created_utc, the 20 features and target, in input order. Uses every core; progress on stderr."})
public final class FeaturesCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesCommand.class);

    @Mixin
    DumpInputOptions input;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output features CSV, gzip-compressed when it ends in .gz; '-' or absent: stdout.")
    Path out;

    @Mixin
    FeaturizerThreadsOption threadsOption;

    @Override
    public Integer call() throws IOException {
        int threads = threadsOption.count();
        boolean toStdout = out == null || out.toString().equals("-");
        Featurizer featurizer = new Featurizer(PatternSentiment.shared());
        FeaturesExport.Result r;
        try (CommentReader reader = input.open();
             ProgressReporter progress = new ProgressReporter("features", input::fractionRead)) {
            r = toStdout
                    ? FeaturesExport.toStream(reader, System.out, featurizer, threads, progress::advance)
                    : FeaturesExport.toFile(reader, out, featurizer, threads, progress::advance);
        }
        LOG.info("{} rows{}; {} duplicate (author, link_id, created_utc) rows dropped{}", r.rows(),
                toStdout ? "" : " written to " + out, r.duplicates(),
                r.skipped() > 0 ? "; " + r.skipped() + " malformed rows skipped" : "");
        return ExitCode.OK;
    }
}
