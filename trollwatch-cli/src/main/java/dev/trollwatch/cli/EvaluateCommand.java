package dev.trollwatch.cli;

import dev.trollwatch.BuildInfo;
import dev.trollwatch.model.PreparedData;
import dev.trollwatch.model.QualityGate;
import dev.trollwatch.model.ReportFormatter;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.pipeline.EvaluateJob;
import dev.trollwatch.pipeline.LabelledInput;
import dev.trollwatch.report.ReportContent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M", description = "Model file written by 'trollwatch train': BASE.model, BASE.json or BASE.onnx, or the base (models/trollwatch).")
    Path model;

    @Option(names = "--in", required = true, paramLabel = "DATA",
            description = "Labelled features CSV, or a labelled dump (features computed on the fly), to evaluate on; '-' = stdin.")
    Path in;

    @Mixin
    EvaluationOptions evaluation;

    @Option(names = "--metrics-json", paramLabel = "FILE", description = "Also write the metrics as JSON (schema: docs/metrics-json.md).")
    Path metricsJson;

    @Mixin
    QualityGateOptions gateOptions;

    @Mixin
    HtmlReportOption report;

    @Override
    public Integer call() throws Exception {
        List<QualityGate> gates = gateOptions.gates();
        LabelledInput.DumpOptions reading = evaluation.reading(); // validate options before any work
        report.checkCreatable();
        List<InputOverwriteCheck.Named> outputs = List.of(new InputOverwriteCheck.Named("--metrics-json", metricsJson),
                new InputOverwriteCheck.Named("--report", report.path()));
        DashOutputCheck.refuse(outputs);
        InputOverwriteCheck.requireDistinctOutputs(outputs);
        List<InputOverwriteCheck.Named> inputs = new ArrayList<>(List.of(new InputOverwriteCheck.Named("--in", in)));
        // the whole model set, not only the file loaded: --report m.model replaced the set's Weka file
        ModelFiles.modelSet(model).forEach(p -> inputs.add(new InputOverwriteCheck.Named("--model", p)));
        InputOverwriteCheck.requireDistinct(outputs, inputs);
        EvaluateJob.Result r = EvaluateJob.run(new EvaluateJob.Request(model, in, reading, evaluation.relabelBots(),
                evaluation.permutationRepeats(), evaluation.seed(), gates, metricsJson,
                BuildInfo.version()), ProgressReporter.perTask(spec.commandLine().getErr()));
        ScoringModel trained = r.model();
        PreparedData data = r.data();
        List<String> failures = r.failures();
        if (report.requested()) {
            report.write(new ReportContent("evaluate", "labelled file " + in, r.facts(), r.result(), trained.tree(),
                    trained.info(), gates, BuildInfo.version(), r.createdAt()));
        }

        PrintWriter w = spec.commandLine().getOut();
        w.printf("Model: %s (id %s, trained %s)%n", model, trained.info().modelId(), trained.info().createdAt());
        w.printf("Input: %s — %,d rows read, %,d duplicates dropped, %,d relabelled as bot%s%n%n", in, data.rowsRead(),
                data.duplicatesDropped(), data.relabelled(), evaluation.relabelBots() ? "" : " (relabelling off)");
        w.print(ReportFormatter.report(r.result(), trained.tree(), in.getFileName().toString()));
        if (!gates.isEmpty()) {
            w.printf("%nQuality gates: %d of %d passed%n", gates.size() - failures.size(), gates.size());
        }
        w.flush();
        if (!failures.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            failures.forEach(f -> err.println("trollwatch: " + f)); // one failure line format for every exit code
            err.flush();
            return ExitCode.QUALITY_GATE;
        }
        return ExitCode.OK;
    }
}
