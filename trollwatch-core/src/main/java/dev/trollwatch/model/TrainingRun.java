package dev.trollwatch.model;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training job: split the prepared rows, train, evaluate on the held-out rows (unweighted),
 * compute importances and describe the model. Single-threaded and seeded, so the same input and
 * options always give the same tree and the same numbers.
 */
public final class TrainingRun {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private TrainingRun() {
    }

    public static TrainingOutcome run(PreparedData data, TrainingOptions opts, Provenance provenance) {
        Trainer.requireAllClasses(data.rows(), "input");
        Map<String, Object> params = params(opts);
        SplitPlan plan = opts.split();
        List<FeatureRow> train;
        List<FeatureRow> evaluated;
        ConfusionMatrix matrix;
        List<PermutationImportance.Entry> permutation = List.of();
        CrossValidationSummary cv = null;
        Trainer.Result model;
        ReviewBudget budget;
        if (plan instanceof SplitPlan.CrossValidation c) {
            List<DataSplit> folds = DataSplitter.folds(data.rows(), c.folds(), opts.seed());
            matrix = ConfusionMatrix.empty();
            double[] acc = new double[folds.size()];
            double[] mcc = new double[folds.size()];
            double[] kappa = new double[folds.size()];
            List<List<PermutationImportance.Entry>> perFold = new ArrayList<>();
            List<double[]> outOfFold = new ArrayList<>(data.rows().size());
            List<Label> outOfFoldTruth = new ArrayList<>(data.rows().size());
            for (int f = 0; f < folds.size(); f++) {
                DataSplit s = folds.get(f);
                Trainer.requireAllClasses(s.train(), "fold " + (f + 1) + " training");
                Trainer.Result m = Trainer.train(s.train(), opts.learner());
                ConfusionMatrix fm = Evaluator.evaluate(m.tree(), s.test());
                acc[f] = fm.accuracy();
                mcc[f] = fm.mcc();
                kappa[f] = fm.kappa();
                matrix = matrix.plus(fm);
                Evaluator.score(m.tree(), s.test(), outOfFold, outOfFoldTruth);
                if (opts.permutationRepeats() > 0) {
                    perFold.add(PermutationImportance.of(m.tree(), s.test(), opts.permutationRepeats(), opts.seed()));
                }
                LOG.info("fold {}/{}: accuracy {}", f + 1, folds.size(), String.format(Locale.ROOT, "%.4f", acc[f]));
            }
            cv = new CrossValidationSummary(acc, mcc, kappa);
            budget = ReviewBudget.of(outOfFold, outOfFoldTruth);
            permutation = averageOverFolds(perFold);
            train = data.rows();
            evaluated = data.rows();
            LOG.info("training the final model on all {}", Numbers.count(train.size(), "row", "rows"));
            model = Trainer.train(train, opts.learner());
        } else {
            DataSplit split = plan instanceof SplitPlan.TestSet t
                    ? new DataSplit(data.rows(), t.test().rows())
                    : DataSplitter.holdOut(data.rows(), ((SplitPlan.HoldOut) plan).testFraction(), opts.seed(),
                            ((SplitPlan.HoldOut) plan).stratify());
            train = split.train();
            evaluated = split.test();
            Trainer.requireAllClasses(train, "training");
            if (evaluated.isEmpty()) {
                throw new dev.trollwatch.TrollwatchException("the test set is empty: nothing to evaluate on");
            }
            LOG.info("training on {}, evaluating on {}", Numbers.count(train.size(), "row", "rows"),
                    String.format(Locale.ROOT, "%,d", evaluated.size()));
            model = Trainer.train(train, opts.learner());
            matrix = Evaluator.evaluate(model.tree(), evaluated);
            budget = Evaluator.reviewBudget(model.tree(), evaluated);
            if (opts.permutationRepeats() > 0) {
                permutation = PermutationImportance.of(model.tree(), evaluated, opts.permutationRepeats(), opts.seed());
            }
        }
        warnIfNoSplit(model.tree(), train.size(), opts.learner());
        EvaluationResult evaluation = new EvaluationResult(matrix, FeatureImportance.of(model.tree()), permutation, cv, budget);
        Map<Label, Long> trainRows = Trainer.countByClass(train);
        ModelInfo info = new ModelInfo(
                ModelIdentity.modelId(model.tree(), params),
                provenance.toolVersion(),
                FeatureSchema.FEATURIZER_VERSION,
                FeatureSchema.NAMES,
                opts.learner().weights().asMap(),
                params,
                summary(matrix, plan),
                provenance.dataSha256(),
                trainRows,
                provenance.createdAt());
        TrainedModel trained = new TrainedModel(model.classifier(), model.header(), model.tree(), info);
        return new TrainingOutcome(trained, evaluation, trainRows, Trainer.countByClass(evaluated), params);
    }

    /**
     * A tree of one leaf predicts one class for every row; trained on 29 rows it came back with exit 0
     * and no word. The reason is given when it is known.
     */
    static void warnIfNoSplit(DecisionTree tree, int trainRows, LearnerParams p) {
        if (tree.leaves().size() != 1) {
            return;
        }
        String why;
        if (p.minLeafRows() > 0 && trainRows < 2L * p.minLeafRows()) {
            why = String.format(Locale.ROOT, "--min-leaf %,d needs at least %,d rows to split; the data has %,d",
                    p.minLeafRows(), 2L * p.minLeafRows(), trainRows);
        } else {
            why = "no split of the " + String.format(Locale.ROOT, "%,d", trainRows)
                    + " training rows was worth keeping";
        }
        LOG.warn("the tree has no split (one leaf: every row gets the same prediction): {}", why);
    }

    /** The parameters as recorded in model and metrics files (stable key order). */
    static Map<String, Object> params(TrainingOptions opts) {
        LearnerParams p = opts.learner();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learner", "J48 (C4.5), depth-capped, row-aware leaves");
        m.put("max_depth", p.maxDepth());
        m.put("min_leaf", p.minLeafRows());
        m.put("confidence", p.unpruned() ? null : p.confidence());
        m.put("unpruned", p.unpruned());
        m.put("j48_min_num_obj", LearnerParams.J48_MIN_NUM_OBJ);
        Map<String, Object> w = new LinkedHashMap<>();
        p.weights().asMap().forEach((k, v) -> w.put(k.text(), v));
        m.put("class_weights", w);
        m.put("relabel_bots", opts.relabelBots());
        SplitPlan s = opts.split();
        if (s instanceof SplitPlan.HoldOut h) {
            m.put("split", "holdout");
            m.put("test_fraction", h.testFraction());
            m.put("stratify", h.stratify());
        } else if (s instanceof SplitPlan.TestSet) {
            m.put("split", "test_file");
        } else {
            m.put("split", "cross_validation");
            m.put("cv_folds", ((SplitPlan.CrossValidation) s).folds());
            m.put("stratify", true);
        }
        m.put("seed", opts.seed());
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Object> summary(ConfusionMatrix m, SplitPlan plan) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("evaluated_on", plan instanceof SplitPlan.CrossValidation ? "cross_validation"
                : plan instanceof SplitPlan.TestSet ? "test_file" : "holdout");
        s.put("rows", m.total());
        s.put("accuracy", m.accuracy());
        s.put("mcc", m.mcc());
        s.put("kappa", m.kappa());
        return Collections.unmodifiableMap(s);
    }

    private static List<PermutationImportance.Entry> averageOverFolds(List<List<PermutationImportance.Entry>> perFold) {
        if (perFold.isEmpty()) {
            return List.of();
        }
        Map<String, double[]> byFeature = new LinkedHashMap<>();
        for (String f : FeatureSchema.NAMES) {
            byFeature.put(f, new double[perFold.size()]);
        }
        for (int i = 0; i < perFold.size(); i++) {
            for (PermutationImportance.Entry e : perFold.get(i)) {
                byFeature.get(e.feature())[i] = e.importance();
            }
        }
        List<PermutationImportance.Entry> out = new ArrayList<>();
        byFeature.forEach((f, v) -> out.add(new PermutationImportance.Entry(f, Stats.mean(v), Stats.sd(v))));
        out.sort(Comparator.comparingDouble((PermutationImportance.Entry e) -> -e.importance())
                .thenComparingInt(e -> FeatureSchema.indexOf(e.feature())));
        return List.copyOf(out);
    }
}
