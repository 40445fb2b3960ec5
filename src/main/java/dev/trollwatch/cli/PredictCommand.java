package dev.trollwatch.cli;

import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.io.dump.CommentReader;
import dev.trollwatch.io.table.FeaturesCsvReader;
import dev.trollwatch.io.table.PredictionsCsvWriter;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.pipeline.PredictionRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trollwatch predict}: scores every comment of a dump with a model file. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Score every comment of a dump with a model: class and probabilities per comment.",
            "One CSV line per comment: author, link_id, created_utc, predicted, p_bot, p_normal, p_troll.",
            "Uses the training featurizer; streams, so inputs of any size work.",
            "--in may also be a features CSV written by 'trollwatch features' (recognised by its header)."})
public final class PredictCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(PredictCommand.class);

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "Model file: BASE.model, BASE.json or BASE.onnx (a bare BASE loads BASE.json).")
    Path model;

    @Mixin
    DumpInputOptions input;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Option(names = "--with-features",
            description = "Also write the 20 feature values, one column per feature name.")
    boolean withFeatures;

    @Mixin
    FeaturizerThreadsOption threadsOption;

    @Override
    public Integer call() throws IOException {
        int threads = threadsOption.count();
        ScoringModel loaded = ModelFiles.load(model);
        LOG.info("predict: model {} from {}", loaded.modelId(), model);
        Featurizer featurizer = new Featurizer(PatternSentiment.shared());
        Path featuresCsv = input.path() != null && FeaturesCsvReader.isFeaturesCsv(input.path()) ? input.path() : null;
        long rows;
        long skipped = 0;
        try (CommentReader reader = featuresCsv == null ? input.open() : null;
             ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), "predict", input::fractionRead)) {
            rows = output.write(stream -> {
                PredictionsCsvWriter writer = new PredictionsCsvWriter(stream, withFeatures);
                long n = featuresCsv != null
                        ? PredictionRun.runOnFeatures(featuresCsv, loaded, writer, progress::advance)
                        : PredictionRun.run(reader, featurizer, threads, loaded, writer, progress::advance);
                writer.flush();
                return n;
            });
            if (reader != null) {
                skipped = reader.skippedRows();
            }
        }
        LOG.info("{} rows scored{}{}", rows, output.toStdout() ? "" : ", written to " + output.file(),
                skipped > 0 ? "; " + skipped + " malformed rows skipped" : "");
        return ExitCode.OK;
    }
}
