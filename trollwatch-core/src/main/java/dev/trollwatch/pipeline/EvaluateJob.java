package dev.trollwatch.pipeline;

import dev.trollwatch.io.file.AtomicOutput;
import dev.trollwatch.io.table.MetricsJsonWriter;
import dev.trollwatch.model.DataFacts;
import dev.trollwatch.model.DataPreparation;
import dev.trollwatch.model.EvaluationResult;
import dev.trollwatch.model.MetricsDocument;
import dev.trollwatch.model.ModelEvaluation;
import dev.trollwatch.model.PreparedData;
import dev.trollwatch.model.QualityGate;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.Trainer;
import dev.trollwatch.modelio.ModelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code trollwatch evaluate} as a job: load a model, read labelled rows (features CSV or dump),
 * de-duplicate and relabel, evaluate, check the quality gates and, when asked, write the metrics file.
 */
public final class EvaluateJob {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EvaluateJob.class);

    /**
     * What to evaluate.
     *
     * @param model              model file (.model, .json, .onnx) or base as given to train
     * @param in                 labelled features CSV or dump
     * @param reading            how to read a dump
     * @param relabelBots        relabel known bots' rows before evaluating
     * @param permutationRepeats shuffles per feature for permutation importance; 0 = skip it
     * @param seed               seed for permutation importance
     * @param gates              quality gates to check (may be empty)
     * @param metricsFile        where the metrics JSON goes, or null for none
     * @param toolVersion        trollwatch version recorded in the metrics file
     */
    public record Request(Path model, Path in, LabelledInput.DumpOptions reading, boolean relabelBots,
            int permutationRepeats, long seed, List<QualityGate> gates, Path metricsFile, String toolVersion) {
    }

    /**
     * What was found.
     *
     * @param model    the loaded model
     * @param data     the prepared rows (counts of rows read, duplicates, relabelled)
     * @param result   metrics and importance
     * @param failures one line per failed gate, empty when all passed
     * @param facts     the input data's facts as the metrics file records them
     * @param createdAt when the evaluation was made (ISO-8601, seconds)
     */
    public record Result(ScoringModel model, PreparedData data, EvaluationResult result, List<String> failures,
            DataFacts facts, String createdAt) {
    }

    private EvaluateJob() {
    }

    public static Result run(Request request, Progress progress) throws IOException {
        if (request.metricsFile() != null) {
            AtomicOutput.checkCreatable(request.metricsFile()); // before the work, not after
        }
        // .model, .json, .onnx or a base as given to train --out; refused unless this featurizer fits it
        ScoringModel trained = ModelFiles.load(request.model());
        LabelledInput.LabelledData input = TrainJob.read(request.in(), request.reading(), progress);
        PreparedData data = DataPreparation.prepare(input.rows(), request.relabelBots(), String.valueOf(request.in()));
        EvaluationResult result = ModelEvaluation.evaluate(trained.tree(), data, request.permutationRepeats(),
                request.seed());
        List<String> failures = QualityGate.failures(request.gates(), result.matrix());

        if (input.sha256().equals(trained.info().dataSha256())) {
            LOG.warn("{} is the file model {} was trained on (same SHA-256 {}): these figures are not a held-out evaluation",
                    request.in(), trained.info().modelId(), input.sha256());
        }
        DataFacts facts = new DataFacts(request.in().toString(), input.sha256(), data, null,
                Trainer.countByClass(data.rows()), null, null);
        String createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        if (request.metricsFile() != null) {
            Map<String, Object> doc = MetricsDocument.of("evaluate", result, trained.tree(), trained.info(),
                    request.model().toString(), facts, new MetricsDocument.Run(request.permutationRepeats(), request.seed(),
                            gateReport(request.gates(), result)), request.toolVersion(), createdAt);
            MetricsJsonWriter.write(request.metricsFile(), doc);
        }
        return new Result(trained, data, result, failures, facts, createdAt);
    }

    private static List<Map<String, Object>> gateReport(List<QualityGate> gates, EvaluationResult result) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (QualityGate g : gates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", g.metric().name().toLowerCase(Locale.ROOT));
            m.put("class", g.label() == null ? null : g.label().text());
            m.put("minimum", g.minimum());
            m.put("value", g.value(result.matrix()));
            m.put("passed", g.check(result.matrix()) == null);
            out.add(m);
        }
        return out;
    }
}
