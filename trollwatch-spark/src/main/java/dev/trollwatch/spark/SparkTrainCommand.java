package dev.trollwatch.spark;

import dev.trollwatch.BuildInfo;
import dev.trollwatch.model.ClassWeights;
import dev.trollwatch.model.ConfusionMatrix;
import dev.trollwatch.model.Provenance;
import dev.trollwatch.spark.job.TrainJob;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train}: a depth-3 class-weighted tree from a features table, by MLlib or J48, compared side by side. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Train a depth-3, class-weighted tree (min 100 rows per leaf) on a features table (the features job's "
                + "output, or a 'trollwatch features' CSV) and save BASE.json and BASE.onnx (and BASE.model for "
                + "j48), which trollwatch predict, serve and evaluate load as they are.",
            "Both learners are evaluated on the same held-out rows; the comparison is printed on stdout and "
                + "recorded in the model's metrics."})
public final class SparkTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FEATURES", description = "Features table: directory, file or glob.")
    String in;

    @Option(names = "--out", required = true, paramLabel = "BASE", description = "Model base: writes BASE.json, BASE.onnx (BASE.model with j48).")
    String out;

    @Option(names = "--learner", paramLabel = "mllib|j48", defaultValue = "mllib",
            description = "Whose tree is saved: mllib (Spark MLlib on all rows) or j48 (trollwatch's J48 on a stratified "
                    + "sample). Default: ${DEFAULT-VALUE}.")
    String learner;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of rows held out for evaluation (by key hash). Default: ${DEFAULT-VALUE}.")
    double testFraction;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Split, sample and MLlib seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--j48-max-rows", paramLabel = "N", defaultValue = "200000",
            description = "Size cap of J48's stratified sample. Default: ${DEFAULT-VALUE}.")
    long j48MaxRows;

    @Option(names = "--max-bins", paramLabel = "N", defaultValue = "32",
            description = "MLlib's candidate thresholds per feature (maxBins). Default: ${DEFAULT-VALUE}.")
    int maxBins;

    @Option(names = "--class-weights", paramLabel = "SPEC", defaultValue = "normal=1,bot=2.5,troll=5",
            description = "Instance weight per class. Default: ${DEFAULT-VALUE}.")
    String classWeights;

    @Option(names = "--no-relabel-bots",
            description = "Keep labels as they are (by default every row of an author with any bot row becomes bot, as in the CLI).")
    boolean noRelabelBots;

    @Mixin
    SparkJobOptions spark;

    @Override
    public Integer call() throws Exception {
        TrainJob.Options o = options();
        SparkSession session = spark.session("train");
        String createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Provenance provenance = new Provenance(BuildInfo.version(), null, createdAt);
        TrainJob.Result r;
        try (var heartbeat = JobHeartbeat.start(session, "train")) {
            r = TrainJob.run(session, in, out, o, provenance);
        }
        System.out.printf(Locale.ROOT, "%,d rows relabelled as bot%s%n%n", r.relabelled(),
                o.relabelBots() ? " (rows of authors with any bot row)" : " (relabelling off)");
        System.out.printf(Locale.ROOT, "%-6s %12s %10s %9s %7s %7s%n", "learner", "train rows", "test rows", "accuracy", "mcc", "kappa");
        for (TrainJob.Side s : new TrainJob.Side[] {r.mllib(), r.j48()}) {
            ConfusionMatrix m = s.test();
            System.out.printf(Locale.ROOT, "%-6s %12d %10d %9.4f %7.4f %7.4f%s%n", s.learner().name().toLowerCase(Locale.ROOT),
                    s.trainRows(), m.total(), m.accuracy(), m.mcc(), m.kappa(), s.learner() == o.learner() ? "   (saved)" : "");
        }
        JobLog.line("train: model " + r.model().info().modelId() + " saved as " + out + ".json and " + out + ".onnx"
                + (o.learner() == TrainJob.Learner.J48 ? " (and " + out + ".model)" : ""));
        return SparkMain.OK;
    }

    private TrainJob.Options options() {
        TrainJob.Learner l;
        try {
            l = TrainJob.Learner.parse(learner);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--learner: expected mllib or j48, got '" + learner + "'");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new ParameterException(spec.commandLine(), "--test-fraction must be in (0, 1), got " + testFraction);
        }
        if (j48MaxRows < 1 || maxBins < 2) {
            throw new ParameterException(spec.commandLine(), "--j48-max-rows must be >= 1 and --max-bins >= 2");
        }
        ClassWeights w;
        try {
            w = ClassWeights.parse(classWeights);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--class-weights: " + e.getMessage());
        }
        return new TrainJob.Options(l, testFraction, seed, j48MaxRows, maxBins, w, !noRelabelBots);
    }
}
