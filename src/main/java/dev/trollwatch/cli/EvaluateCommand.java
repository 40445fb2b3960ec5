package dev.trollwatch.cli;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.io.FileDigest;
import dev.trollwatch.io.MetricsJsonWriter;
import dev.trollwatch.model.DataFacts;
import dev.trollwatch.model.DataPreparation;
import dev.trollwatch.model.EvaluationResult;
import dev.trollwatch.model.MetricsDocument;
import dev.trollwatch.model.ModelEvaluation;
import dev.trollwatch.model.PreparedData;
import dev.trollwatch.model.QualityGate;
import dev.trollwatch.model.ReportFormatter;
import dev.trollwatch.model.Trainer;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.report.ReportContent;
import dev.trollwatch.modelio.ScoringModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trollwatch evaluate}: the training report for an existing model on new labelled data, with CI quality gates. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Evaluate a trained model on new labelled data (a dump or a features CSV): confusion matrix, accuracy, per-class precision/recall/F1, "
                + "MCC, kappa, feature importance, the tree.",
            "Quality gates (--min-*) make it a CI check: each failed gate prints one line on stderr and the exit code is 3."})
public final class EvaluateCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluateCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M", description = "Model file written by 'trollwatch train': BASE.model, BASE.json or BASE.onnx, or the base (models/trollwatch).")
    Path model;

    @Option(names = "--in", required = true, paramLabel = "DATA",
            description = "Labelled features CSV, or a labelled dump (features computed on the fly), to evaluate on.")
    Path in;

    @Mixin
    DumpReadingOptions dumpReading;

    @Option(names = "--no-relabel-bots", description = "Keep labels as they are (no relabelling of known bots' rows).")
    boolean noRelabelBots;

    @Option(names = "--permutation-importance", description = "Also compute permutation importance on these rows (seeded).")
    boolean permutationImportance;

    @Option(names = "--permutation-repeats", paramLabel = "K", defaultValue = "5", description = "Shuffles per feature (default: ${DEFAULT-VALUE}).")
    int permutationRepeats;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "16", description = "Seed for permutation importance (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--metrics-json", paramLabel = "FILE", description = "Also write the metrics as JSON (schema: docs/metrics-json.md).")
    Path metricsJson;

    @Mixin
    QualityGateOptions gateOptions;

    @Mixin
    HtmlReportOption report;

    @Override
    public Integer call() throws Exception {
        List<QualityGate> gates = gateOptions.gates();
        dumpReading.toOptions(); // validate options before any work
        if (permutationRepeats < 1) {
            throw new UsageException("--permutation-repeats must be >= 1, got " + permutationRepeats);
        }
        ScoringModel trained = ModelFiles.load(model); // .model, .json, .onnx or a base as given to train --out
        if (trained.info().featurizerVersion() != FeatureSchema.FEATURIZER_VERSION) {
            LOG.warn("model {} was trained with featurizer version {}, this trollwatch computes version {}",
                    model, trained.info().featurizerVersion(), FeatureSchema.FEATURIZER_VERSION);
        }
        PreparedData data = DataPreparation.prepare(TrainCommand.readWithProgress(in, dumpReading.toOptions()), !noRelabelBots);
        EvaluationResult result = ModelEvaluation.evaluate(trained.tree(), data, permutationImportance ? permutationRepeats : 0, seed);
        List<String> failures = QualityGate.failures(gates, result.matrix());
        String sha = FileDigest.sha256(in);
        if (sha.equals(trained.info().dataSha256())) {
            LOG.warn("{} is the file model {} was trained on (same SHA-256 {}): these figures are not a held-out evaluation",
                    in, trained.info().modelId(), sha);
        }
        String version = VersionProvider.BuildInfo.version();
        String createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        DataFacts facts = new DataFacts(in.toString(), sha, data, null, Trainer.countByClass(data.rows()), null, null);

        if (metricsJson != null) {
            Map<String, Object> doc = MetricsDocument.of("evaluate", result, trained.tree(), trained.info(), model.toString(), facts,
                    permutationImportance ? permutationRepeats : 0, version, createdAt);
            doc.put("quality_gates", gateReport(gates, result));
            MetricsJsonWriter.write(metricsJson, doc);
        }
        if (report.requested()) {
            report.write(new ReportContent("evaluate", "labelled file " + in, facts, result, trained.tree(), trained.info(),
                    gates, version, createdAt));
        }

        PrintWriter w = spec.commandLine().getOut();
        w.printf("Model: %s (id %s, trained %s)%n", model, trained.info().modelId(), trained.info().createdAt());
        w.printf("Input: %s — %,d rows read, %,d duplicates dropped, %,d relabelled as bot%s%n%n", in, data.rowsRead(),
                data.duplicatesDropped(), data.relabelled(), noRelabelBots ? " (relabelling off)" : "");
        w.print(ReportFormatter.report(result, trained.tree(), in.getFileName().toString()));
        if (!gates.isEmpty()) {
            w.printf("%nQuality gates: %d of %d passed%n", gates.size() - failures.size(), gates.size());
        }
        w.flush();
        if (!failures.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            failures.forEach(err::println);
            err.flush();
            return ExitCode.QUALITY_GATE;
        }
        return ExitCode.OK;
    }

    private static List<Map<String, Object>> gateReport(List<QualityGate> gates, EvaluationResult result) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (QualityGate g : gates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", g.metric().name().toLowerCase(java.util.Locale.ROOT));
            m.put("class", g.label() == null ? null : g.label().text());
            m.put("minimum", g.minimum());
            m.put("value", g.value(result.matrix()));
            m.put("passed", g.check(result.matrix()) == null);
            out.add(m);
        }
        return out;
    }
}
