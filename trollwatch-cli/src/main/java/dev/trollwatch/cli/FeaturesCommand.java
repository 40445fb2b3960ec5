package dev.trollwatch.cli;

import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.model.Numbers;
import dev.trollwatch.pipeline.FeaturesExport;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Mixin
    FeaturizerThreadsOption threadsOption;

    @Override
    public Integer call() throws IOException {
        int threads = threadsOption.count();
        output.requireNotInput("--in", input.path());
        Featurizer featurizer = new Featurizer(PatternSentiment.shared());
        FeaturesExport.Result r;
        try (CommentReader reader = input.open();
             ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), "features", input::fractionRead)) {
            r = output.write(stream -> FeaturesExport.toStream(reader, stream, featurizer, threads, progress::advance));
        }
        LOG.info("{}{}; {} dropped{}", Numbers.count(r.rows(), "row", "rows"),
                output.toStdout() ? "" : " written to " + output.file(),
                Numbers.count(r.duplicates(), "duplicate (author, link_id, created_utc) row",
                        "duplicate (author, link_id, created_utc) rows"),
                r.skipped() > 0 ? "; " + Numbers.count(r.skipped(), "malformed row", "malformed rows") + " skipped" : "");
        return ExitCode.OK;
    }
}
