package dev.trollwatch.cli;

import dev.trollwatch.BuildInfo;
import dev.trollwatch.model.PreparedData;
import dev.trollwatch.model.ReportFormatter;
import dev.trollwatch.model.SplitPlan;
import dev.trollwatch.model.TrainingOptions;
import dev.trollwatch.model.TrainingOutcome;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.pipeline.TrainJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trollwatch train}: train the depth-capped, class-weighted J48, report on held-out rows, save the model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Train a depth-capped, class-weighted J48 (C4.5) tree on labelled features, evaluate it on held-out rows "
                + "and save it as OUT.model (Weka), OUT.json (portable) and OUT.onnx (ONNX-ML), with a metrics file OUT.metrics.json.",
            "Before splitting, rows are de-duplicated on (author, link_id, created_utc) and every row of an author "
                + "with any bot row is relabelled bot."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "DATA",
            description = "Labelled features CSV ('trollwatch features'), or a labelled dump of reddit_comments whose"
                    + " features are computed on the fly; gzip is detected; '-' = stdin.")
    Path in;

    @Option(names = "--out", paramLabel = "OUT", defaultValue = "models/trollwatch",
            description = "Output path without extension: writes OUT.model, OUT.json and OUT.onnx (default: ${DEFAULT-VALUE}).")
    String out;

    @Mixin
    LearnerOptions learner;

    @Mixin
    EvaluationOptions evaluation;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.3", description = "Share of rows held out for evaluation (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--no-stratify", description = "Hold out rows at random instead of per class.")
    boolean noStratify;

    @Option(names = "--test", paramLabel = "FILE", description = "Evaluate on this labelled features CSV or dump instead; all --in rows train.")
    Path test;

    /**
     * Each fold trains a model on nearly every row, so time grows with K: 1,000 folds of the
     * 93,668-row holdout would run a thousand trainings. Past 100 folds the estimate no longer moves.
     */
    static final int MAX_FOLDS = 100;

    @Option(names = "--cv", paramLabel = "K", description = "Evaluate by stratified K-fold cross-validation, K 2.."
            + MAX_FOLDS + " (mean ± sd, pooled matrix); the saved model is trained on all rows.")
    Integer cv;

    @Option(names = "--dot", paramLabel = "FILE", description = "Also write the tree as Graphviz DOT.")
    Path dot;

    @Option(names = "--metrics-json", paramLabel = "FILE", description = "Metrics file (default: OUT.metrics.json).")
    Path metricsJson;

    @Mixin
    HtmlReportOption report;

    @Override
    public Integer call() throws Exception {
        if (out.isEmpty()) {
            throw new UsageException("--out is empty: give a base name without extension, e.g. models/trollwatch");
        }
        ModelBaseCheck.requireBaseName("--out", out, "BASE.model, BASE.json, BASE.onnx and BASE.metrics.json");
        if (out.endsWith("/") || java.nio.file.Files.isDirectory(Path.of(out))) {
            throw new UsageException("--out " + out + " is a directory; --out takes a base name without extension"
                    + " (it writes BASE.model, BASE.json, BASE.onnx), e.g. " + Path.of(out).resolve("trollwatch"));
        }
        TrainingOptions options = new TrainingOptions(learner.toParams(), splitPlanFromOptions(), evaluation.seed(),
                evaluation.relabelBots(), evaluation.permutationRepeats());
        Path metricsFile = metricsJson != null ? metricsJson : Path.of(out + ModelFiles.METRICS);
        refuseOverwritingInputs(metricsFile);
        TrainJob.Report html = report.requested() ? new TrainJob.Report(report.path(), evaluatedOn(options.split())) : null;
        // the report goes to stdout before the files are moved into place: a stdout that fails
        // (a full disk, a closed pipe) leaves no model behind, not a model without its report
        TrainJob.run(new TrainJob.Request(in, test, evaluation.reading(), options, Path.of(out),
                metricsFile, dot, html, BuildInfo.version()), ProgressReporter.perTask(spec.commandLine().getErr()),
                r -> printReport(r, metricsFile));
        return ExitCode.OK;
    }

    private void printReport(TrainJob.Result r, Path metricsFile) {
        TrainingOutcome outcome = r.outcome();
        PreparedData data = r.data();

        PrintWriter w = spec.commandLine().getOut();
        w.printf("Input: %s — %,d rows read, %,d duplicates dropped, %,d relabelled as bot%s%n", in, data.rowsRead(),
                data.duplicatesDropped(), data.relabelled(), evaluation.relabelBots() ? "" : " (relabelling off)");
        w.printf("Trained on %s; evaluated on %s%n%n", ReportFormatter.classCounts(outcome.trainRows()),
                ReportFormatter.classCounts(outcome.testRows()));
        w.print(ReportFormatter.report(outcome.evaluation(), outcome.model().tree(), evaluatedOn(r.plan())));
        w.printf("%nModel:   %s, %s.json, %s.onnx (id %s)%n", r.modelFile(), out, out, outcome.model().info().modelId());
        w.printf("Metrics: %s%n", metricsFile);
        if (dot != null) {
            w.printf("DOT:     %s%n", dot);
        }
        if (report.requested()) {
            w.printf("Report:  %s%n", report.path());
        }
        w.flush();
    }

    private void refuseOverwritingInputs(Path metricsFile) {
        DashOutputCheck.refuse(List.of(new InputOverwriteCheck.Named("--out", Path.of(out)),
                new InputOverwriteCheck.Named("--metrics-json", metricsJson), new InputOverwriteCheck.Named("--dot", dot),
                new InputOverwriteCheck.Named("--report", report.path())));
        List<InputOverwriteCheck.Named> outputs = new ArrayList<>();
        ModelFiles.paths(Path.of(out)).forEach(p -> outputs.add(new InputOverwriteCheck.Named("--out", p)));
        outputs.add(new InputOverwriteCheck.Named(metricsJson != null ? "--metrics-json" : "--out", metricsFile));
        outputs.add(new InputOverwriteCheck.Named("--dot", dot));
        outputs.add(new InputOverwriteCheck.Named("--report", report.path()));
        InputOverwriteCheck.requireDistinctOutputs(outputs);
        InputOverwriteCheck.requireDistinct(outputs,
                List.of(new InputOverwriteCheck.Named("--in", in), new InputOverwriteCheck.Named("--test", test)));
    }

    private SplitPlan splitPlanFromOptions() {
        if (cv != null && test != null) {
            throw new UsageException("--cv and --test are alternatives: use one");
        }
        boolean fractionGiven = spec.commandLine().getParseResult().hasMatchedOption("--test-fraction");
        if (fractionGiven && (cv != null || test != null)) {
            throw new UsageException("--test-fraction applies to the hold-out split; " + (cv != null
                    ? "--cv evaluates on every row, fold by fold" : "--test evaluates on its file") + ": use one");
        }
        if (noStratify && test != null) {
            throw new UsageException("--no-stratify applies to the hold-out split; --test evaluates on its file");
        }
        if (cv != null) {
            if (cv < 2 || cv > MAX_FOLDS) {
                throw new UsageException("--cv must be 2.." + MAX_FOLDS + " folds, got " + cv);
            }
            if (noStratify) {
                throw new UsageException("--no-stratify applies to the hold-out split; --cv folds are always stratified");
            }
            return new SplitPlan.CrossValidation(cv);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new UsageException("--test-fraction must be in (0, 1), got " + testFraction);
        }
        return new SplitPlan.HoldOut(testFraction, !noStratify);
    }

    /** In words; known before the run (a --test file becomes the job's test-set plan). */
    private String evaluatedOn(SplitPlan plan) {
        if (test != null || plan instanceof SplitPlan.TestSet) {
            return "test file " + test;
        }
        if (plan instanceof SplitPlan.CrossValidation c) {
            return "out-of-fold predictions pooled over " + c.folds() + " folds";
        }
        return String.format(Locale.ROOT, "%s hold-out of %.0f%%, seed %d", noStratify ? "random" : "stratified",
                100 * testFraction, evaluation.seed());
    }
}
