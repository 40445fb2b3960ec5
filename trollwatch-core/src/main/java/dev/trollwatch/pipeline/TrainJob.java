package dev.trollwatch.pipeline;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.io.file.AtomicOutput;
import dev.trollwatch.io.file.ByteCountingInputStream;
import dev.trollwatch.io.file.StandardStreams;
import dev.trollwatch.io.table.MetricsJsonWriter;
import dev.trollwatch.model.DataFacts;
import dev.trollwatch.model.DataPreparation;
import dev.trollwatch.model.MetricsDocument;
import dev.trollwatch.model.PreparedData;
import dev.trollwatch.model.Provenance;
import dev.trollwatch.model.SplitPlan;
import dev.trollwatch.model.TrainingOptions;
import dev.trollwatch.model.TrainingOutcome;
import dev.trollwatch.model.TrainingRun;
import dev.trollwatch.model.TreeDot;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.report.HtmlReport;
import dev.trollwatch.report.ReportContent;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code trollwatch train} as a job: read labelled rows (features CSV or dump), de-duplicate and
 * relabel, train and evaluate as the split plan says, then write the three model files, the metrics
 * file and, when asked, the tree as DOT and the HTML report — all in one all-or-nothing commit.
 */
public final class TrainJob {
    /**
     * What to train on and where to write.
     *
     * @param in          labelled features CSV or dump
     * @param test        a separate labelled test input, or null to evaluate as {@code options.split()} says
     * @param reading     how to read a dump
     * @param options     learner, split, seed, relabelling, permutation repeats
     * @param modelBase   output path without extension (BASE.model, BASE.json, BASE.onnx)
     * @param metricsFile where the metrics JSON goes
     * @param dotFile     where the DOT rendering goes, or null for none
     * @param report      the HTML report to write, or null for none
     * @param toolVersion trollwatch version recorded in the files
     */
    public record Request(Path in, Path test, LabelledInput.DumpOptions reading, TrainingOptions options,
            Path modelBase, Path metricsFile, Path dotFile, Report report, String toolVersion) {
    }

    /**
     * The HTML report to write with the model files.
     *
     * @param file        where it goes
     * @param evaluatedOn how the rows were evaluated, in words, as the text report says it
     */
    public record Report(Path file, String evaluatedOn) {
    }

    /**
     * What was done.
     *
     * @param data      the prepared training rows (counts of rows read, duplicates, relabelled)
     * @param outcome   the model and its evaluation
     * @param plan      how it was evaluated
     * @param modelFile the Weka model file written (the others sit beside it)
     * @param facts     the input data's facts as the metrics file records them
     * @param createdAt when the model was made (ISO-8601, seconds)
     */
    public record Result(PreparedData data, TrainingOutcome outcome, SplitPlan plan, Path modelFile, DataFacts facts,
            String createdAt) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);

    private TrainJob() {
    }

    public static Result run(Request request, Progress progress) throws IOException {
        return run(request, progress, result -> { });
    }

    /**
     * As {@link #run(Request, Progress)}; {@code beforeCommit} gets the result once every file of
     * the set is written and none is moved into place yet. If it throws (the report cannot be printed
     * to a closed stdout), no file of the set appears: a CI job never sees a model without its report.
     */
    public static Result run(Request request, Progress progress, Consumer<Result> beforeCommit) throws IOException {
        checkOutputs(request);
        TrainingOptions options = request.options();
        boolean relabel = options.relabelBots();
        LabelledInput.LabelledData input = read(request.in(), request.reading(), progress);
        PreparedData data = DataPreparation.prepare(input.rows(), relabel, String.valueOf(request.in()));
        String sha = input.sha256();
        String testSha = null;
        if (request.test() != null) {
            LabelledInput.LabelledData testInput = read(request.test(), request.reading(), progress);
            SplitPlan testSet = new SplitPlan.TestSet(DataPreparation.prepare(testInput.rows(), relabel,
                    String.valueOf(request.test())));
            options = new TrainingOptions(options.learner(), testSet, options.seed(), relabel, options.permutationRepeats());
            testSha = testInput.sha256();
        }
        String createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        TrainingOutcome outcome;
        try (StillWorkingLog alive = new StillWorkingLog("training", StillWorkingLog.INTERVAL, LOG::info)) {
            outcome = TrainingRun.run(data, options, new Provenance(request.toolVersion(), sha, createdAt));
        }

        Path modelFile = Path.of(request.modelBase() + ModelFiles.WEKA);
        DataFacts facts = new DataFacts(request.in().toString(), sha, data, outcome.trainRows(), outcome.testRows(),
                request.test() == null ? null : request.test().toString(), testSha);
        int repeats = options.permutationRepeats();
        long seed = options.seed();
        Result result = new Result(data, outcome, options.split(), modelFile, facts, createdAt);
        // metrics, DOT and report describe the saved model (with its id): they are committed with the model files
        ModelFiles.saveAll(request.modelBase(), outcome.model(), saved -> {
            List<ModelFiles.Companion> files = new ArrayList<>();
            try {
                files.add(new ModelFiles.Companion(request.metricsFile(), MetricsJsonWriter.toBytes(MetricsDocument.of(
                        "train", outcome.evaluation(), saved.tree(), saved.info(), modelFile.toString(), facts,
                        new MetricsDocument.Run(repeats, seed, null), request.toolVersion(), createdAt))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (request.dotFile() != null) {
                files.add(new ModelFiles.Companion(request.dotFile(),
                        TreeDot.of(saved.tree()).getBytes(StandardCharsets.UTF_8)));
            }
            Report report = request.report();
            if (report != null) {
                ReportContent content = new ReportContent("train", report.evaluatedOn(), facts, outcome.evaluation(),
                        saved.tree(), saved.info(), List.of(), request.toolVersion(), createdAt);
                files.add(new ModelFiles.Companion(report.file(), HtmlReport.render(content).getBytes(StandardCharsets.UTF_8)));
            }
            beforeCommit.accept(result);
            return files;
        });
        return result;
    }

    /** Every output this request will write can be created: checked before minutes of work, not after. */
    private static void checkOutputs(Request request) throws IOException {
        List<Path> outputs = new ArrayList<>(ModelFiles.paths(request.modelBase()));
        outputs.add(request.metricsFile());
        outputs.add(request.dotFile());
        outputs.add(request.report() == null ? null : request.report().file());
        for (Path output : outputs) {
            if (output != null) {
                AtomicOutput.checkCreatable(output);
            }
        }
    }

    /**
     * Labelled rows of one input and their fingerprint, from one pass (a FIFO or a pipe can be read only
     * once), counted as task {@code reading NAME}; {@code -} is standard input.
     */
    static LabelledInput.LabelledData read(Path file, LabelledInput.DumpOptions reading, Progress progress)
            throws IOException {
        LabelledInput.LabelledData data;
        boolean stdin = file.toString().equals("-");
        String name = stdin ? "<stdin>" : file.toString();
        if (stdin) {
            try (Progress.Task task = progress.start("reading stdin")) {
                data = LabelledInput.read(StandardStreams.stdin(), name, reading, task::advance);
            }
        } else {
            // FileInputStream, not Files.newInputStream: FIFO-safe, see CommentReaders.open.
            try (ByteCountingInputStream in = new ByteCountingInputStream(new FileInputStream(file.toFile()))) {
                long size = file.toFile().length(); // 0 for a FIFO: no fraction, no ETA
                try (Progress.Task task = progress.start("reading " + file.getFileName(), () -> in.fractionOf(size))) {
                    data = LabelledInput.read(in, name, reading, task::advance);
                }
            }
        }
        if (data.rows().isEmpty()) {
            // said here, where the file is known, rather than as "the input set is empty" by the learner
            throw new TrollwatchException(name + ": no rows after its header: nothing to train or evaluate on");
        }
        return data;
    }
}
