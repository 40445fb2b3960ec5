package dev.trollwatch.cli;

import dev.trollwatch.io.table.PredictionWriter;
import dev.trollwatch.io.table.PredictionsCsvWriter;
import dev.trollwatch.io.table.PredictionsJsonlWriter;
import dev.trollwatch.model.Numbers;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.explain.Explainer;
import dev.trollwatch.model.explain.Explanation;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.pipeline.LabelledInput;
import dev.trollwatch.pipeline.PredictionRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
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
            "The probabilities are class-weighted (training rows counted with their class weight, like scikit-learn's"
                + " predict_proba on a class-weighted tree), not the shares of the leaf's training rows.",
            "--explain adds why: the decision path in words and the leaf's training rows per class;"
                + " --explain-format json writes JSON Lines with the path, leaf support and exact Shapley"
                + " contributions (an --out ending in .jsonl writes JSON Lines too, with the explanation under --explain).",
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

    @Option(names = "--explain",
            description = "Explain every verdict: CSV columns path (e.g. 'recent_avg_diff_ratio 0.676242 > 0.4 → bot') and"
                    + " leaf_rows_bot, leaf_rows_normal, leaf_rows_troll (the leaf's training rows, unweighted).")
    boolean explain;

    @Option(names = "--explain-format", paramLabel = "FORMAT",
            description = "csv (default) or json: JSON Lines, one object per comment with an 'explanation' (path,"
                    + " leaf rows and frequencies, class-weighted probabilities, Shapley contributions); implies --explain."
                    + " An --out ending in .jsonl or .jsonl.gz writes JSON Lines too; one ending in .csv or .csv.gz"
                    + " must not be given json.")
    String explainFormat;

    @Mixin
    FeaturizerThreadsOption threadsOption;

    @Override
    public Integer call() throws IOException {
        int threads = threadsOption.count();
        boolean json = jsonLines();
        boolean explained = explain || explainFormat != null;
        output.requireNotInput("--in", input.path());
        // the whole set, not only the file loaded: --out m.onnx replaced the set's ONNX file
        for (Path file : ModelFiles.modelSet(model)) {
            output.requireNotInput("--model", file);
        }
        ScoringModel loaded = ModelFiles.load(model);
        Function<double[], Explanation> explainer = explained ? x -> Explainer.explain(loaded, x) : null;
        LOG.info("predict: model {} from {}", loaded.modelId(), model);
        long rows;
        long skipped;
        input.policy(); // a usage error before the input is opened
        try (PredictionRun run = PredictionRun.open(input.openStream(), input.name(), input.format() == null, input::reader,
                loaded, threads);
             ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), "predict", input::fractionRead)) {
            if (run.readsFeaturesCsv()) {
                LabelledInput.noteStrictReading(input.name(), input.policy());
            }
            rows = output.write(stream -> {
                PredictionWriter writer = writer(stream, json, explainer);
                long n = run.run(writer, progress::advance);
                writer.flush();
                return n;
            });
            skipped = run.skippedRows();
        }
        LOG.info("{} scored{}{}", Numbers.count(rows, "row", "rows"), output.toStdout() ? "" : ", written to " + output.file(),
                skipped > 0 ? "; " + Numbers.count(skipped, "malformed row", "malformed rows") + " skipped" : "");
        return ExitCode.OK;
    }

    /** JSON Lines for --explain-format json or an --out named *.jsonl[.gz]; CSV otherwise. */
    private boolean jsonLines() {
        if (explainFormat != null && !explainFormat.equals("csv") && !explainFormat.equals("json")) {
            throw new UsageException("--explain-format must be csv or json, got '" + explainFormat + "'");
        }
        String name = output.toStdout() ? "" : output.file().getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean jsonlName = lower.endsWith(".jsonl") || lower.endsWith(".jsonl.gz");
        boolean csvName = lower.endsWith(".csv") || lower.endsWith(".csv.gz");
        if ("csv".equals(explainFormat) && jsonlName) {
            // the name won silently: CSV was asked for and JSON Lines written
            throw new UsageException("--explain-format csv and --out " + output.file() + " (a JSON Lines name)"
                    + " disagree: drop one, or name the output .csv");
        }
        if ("json".equals(explainFormat) && csvName) {
            throw new UsageException("--explain-format json and --out " + output.file() + " (a CSV name)"
                    + " disagree: drop one, or name the output .jsonl");
        }
        return "json".equals(explainFormat) || jsonlName;
    }

    private PredictionWriter writer(OutputStream stream, boolean json, Function<double[], Explanation> explainer)
            throws IOException {
        return json ? new PredictionsJsonlWriter(stream, withFeatures, explainer)
                : new PredictionsCsvWriter(stream, withFeatures, explainer);
    }

}
