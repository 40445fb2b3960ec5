package dev.trollwatch.spark.job;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.ClassWeights;
import dev.trollwatch.model.ConfusionMatrix;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.LearnerParams;
import dev.trollwatch.model.ModelIdentity;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.Provenance;
import dev.trollwatch.model.TrainedModel;
import dev.trollwatch.model.Trainer;
import dev.trollwatch.modelio.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.classification.DecisionTreeClassificationModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code train} on Spark: a depth-3, class-weighted tree from a features table, by either learner,
 * evaluated beside the other one on the same held-out rows.
 * <ul>
 * <li>{@link Learner#MLLIB}: MLlib's {@code DecisionTreeClassifier} on all training rows (gini,
 *     maxDepth 3, minInstancesPerNode 100, a weight column from the class weights), read out node
 *     by node ({@link MllibTree}); writes {@code BASE.json} and {@code BASE.onnx}.</li>
 * <li>{@link Learner#J48}: the CLI's learner (the core's {@link Trainer}) on a stratified sample
 *     Spark draws from the training rows (every class sampled at the same rate, at most
 *     {@code j48MaxRows} rows in all); writes {@code BASE.model}, {@code .json} and {@code .onnx}.</li>
 * </ul>
 * As the CLI does by default, every row of an author with any {@code bot} row is relabelled
 * {@code bot} first (the 2019 known-bots rule, {@code KnownBots}; off with {@code relabelBots = false}).
 * The held-out rows are chosen by a hash of (author, link_id, created_utc, seed), so the split does
 * not depend on partitioning. Test rows count once each (no class weights), as in the CLI.
 */
public final class TrainJob {
    private static final String TEST = "_test";
    private static final String BOT_AUTHOR = "_bot_author";
    public static final String RELABELLED = "_relabelled";
    private static final long HASH_BUCKETS = 1_000_000;

    /** The two learners. */
    public enum Learner {
        MLLIB("Spark MLlib DecisionTreeClassifier (gini)"),
        J48("J48 (C4.5), depth-capped, row-aware leaves, on a stratified sample drawn by Spark");

        private final String description;

        Learner(String description) {
            this.description = description;
        }

        /** What the model file records as {@code params.learner}. */
        public String description() {
            return description;
        }

        public static Learner parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * @param learner      whose tree is saved
     * @param testFraction share of rows held out for evaluation
     * @param seed         split, sample and MLlib seed
     * @param j48MaxRows   J48's sample size cap
     * @param maxBins      MLlib's candidate thresholds per feature
     * @param weights      class weights
     * @param relabelBots  relabel every row of an author with any bot row as bot (the CLI's default)
     */
    public record Options(Learner learner, double testFraction, long seed, long j48MaxRows, int maxBins,
            ClassWeights weights, boolean relabelBots) {
        public static final Options DEFAULT = new Options(Learner.MLLIB, 0.2, 1, 200_000, 32, ClassWeights.DEFAULT,
                true);
    }

    /** One learner's tree, the rows it learned from and its confusion matrix on the test rows. */
    public record Side(Learner learner, DecisionTree tree, long trainRows, ConfusionMatrix test) {
    }

    /**
     * @param model      what was saved
     * @param mllib      MLlib's side (its Spark model in {@code mllibModel})
     * @param j48        J48's side
     * @param trainRows  training rows per class (before J48's sampling)
     * @param testRows   test rows per class
     * @param relabelled rows whose label became bot because their author has a bot row
     */
    public record Result(TrainedModel model, Side mllib, Side j48, DecisionTreeClassificationModel mllibModel,
            Map<Label, Long> trainRows, Map<Label, Long> testRows, long relabelled) {
    }

    private TrainJob() {
    }

    public static Result run(SparkSession spark, String in, String base, Options o, Provenance provenance)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> files = InputFiles.list(conf, in);
        ModelBaseCheck.check(conf, files, base, o.learner() == Learner.J48);
        Dataset<Row> table = FeatureTable.read(spark, in, files);
        long relabelled = 0;
        if (o.relabelBots()) {
            table = relabelKnownBots(table).cache();
            relabelled = table.filter(functions.col(RELABELLED)).count();
            table = table.drop(RELABELLED);
        }
        Dataset<Row> prepared = MllibTree.withVector(labelled(table, o)).cache();
        try {
            Dataset<Row> train = prepared.filter(functions.not(functions.col(TEST)));
            Dataset<Row> test = prepared.filter(functions.col(TEST));
            Map<Label, Long> trainRows = new EnumMap<>(Label.class);
            Map<Label, Long> testRows = new EnumMap<>(Label.class);
            countByClass(prepared, trainRows, testRows);
            long trainTotal = trainRows.values().stream().mapToLong(Long::longValue).sum();
            long testTotal = testRows.values().stream().mapToLong(Long::longValue).sum();
            if (trainTotal + testTotal == 0) {
                throw new TrollwatchException(in + ": no rows: nothing to train on");
            }
            requireAllClasses(trainRows, "training");
            if (testTotal == 0) {
                throw new TrollwatchException("the test set is empty: nothing to evaluate on (raise --test-fraction)");
            }
            // before MLlib's training, not after it
            J48SampleMemory.requireRoom(Math.min(o.j48MaxRows(), trainTotal), Runtime.getRuntime().maxMemory());

            MllibTree.Params mp = new MllibTree.Params(LearnerParams.DEFAULT.maxDepth(),
                    LearnerParams.DEFAULT.minLeafRows(), o.maxBins(), o.seed());
            DecisionTreeClassificationModel mllibModel = MllibTree.fit(train, trainTotal, mp);
            Map<String, Object> mllibParams = params(Learner.MLLIB, o, mp, trainTotal);
            DecisionTree read = MllibTree.convert(mllibModel);
            DecisionTree mllibTree = LeafCounts.of(train, ship(read, mllibParams)).withLeafRows();
            Side mllib = new Side(Learner.MLLIB, mllibTree, trainTotal,
                    LeafCounts.of(test, ship(mllibTree, mllibParams)).confusion());

            double fraction = Math.min(1.0, (double) o.j48MaxRows() / trainTotal);
            Map<Object, Double> fractions = new LinkedHashMap<>();
            for (Label l : Label.values()) {
                fractions.put(l.text(), fraction);
            }
            List<FeatureRow> sample = new ArrayList<>();
            for (Row r : train.stat().sampleBy(FeatureTable.TARGET, fractions, o.seed()).collectAsList()) {
                sample.add(FeatureTable.toFeatureRow(r));
            }
            LearnerParams lp = new LearnerParams(LearnerParams.DEFAULT.maxDepth(), LearnerParams.DEFAULT.minLeafRows(),
                    LearnerParams.DEFAULT.confidence(), false, o.weights());
            Trainer.Result j48Model = Trainer.train(sample, lp);
            Map<String, Object> j48Params = params(Learner.J48, o, mp, sample.size());
            Side j48 = new Side(Learner.J48, j48Model.tree(), sample.size(),
                    LeafCounts.of(test, ship(j48Model.tree(), j48Params)).confusion());

            Side chosen = o.learner() == Learner.MLLIB ? mllib : j48;
            Side other = chosen == mllib ? j48 : mllib;
            Map<String, Object> params = chosen == mllib ? mllibParams : j48Params;
            Map<Label, Long> chosenRows = chosen == mllib ? trainRows : Trainer.countByClass(sample);
            ModelInfo info = new ModelInfo(ModelIdentity.modelId(chosen.tree(), params), provenance.toolVersion(),
                    FeatureSchema.FEATURIZER_VERSION, FeatureSchema.NAMES, o.weights().asMap(), params,
                    metrics(chosen, other), provenance.dataSha256(), chosenRows, provenance.createdAt());
            TrainedModel model = chosen == mllib
                    ? new TrainedModel(null, null, chosen.tree(), info)
                    : new TrainedModel(j48Model.classifier(), j48Model.header(), chosen.tree(), info);
            TrainedModel saved = save(spark.sparkContext().hadoopConfiguration(), base, model);
            return new Result(saved, mllib, j48, mllibModel, trainRows, testRows, relabelled);
        } finally {
            prepared.unpersist();
            table.unpersist();
        }
    }

    /**
     * The known-bots rule of {@code KnownBots.relabel}: authors with at least one row whose target is
     * bot get target bot on all their rows (rows without an author are left alone). Adds the boolean
     * column {@link #RELABELLED}: true where a label changed.
     */
    public static Dataset<Row> relabelKnownBots(Dataset<Row> table) {
        Column author = functions.col(FeatureTable.AUTHOR);
        Column isBot = target().equalTo(Label.BOT.text());
        Dataset<Row> bots = table.filter(isBot.and(author.isNotNull()))
                .select(author.as(BOT_AUTHOR)).distinct();
        Column known = functions.col(BOT_AUTHOR).isNotNull();
        Column changed = known.and(functions.coalesce(isBot, functions.lit(false)).unary_$bang());
        return table.join(bots, author.equalTo(functions.col(BOT_AUTHOR)), "left")
                .withColumn(RELABELLED, changed)
                .withColumn(FeatureTable.TARGET, functions.when(changed, functions.lit(Label.BOT.text()))
                        .otherwise(functions.col(FeatureTable.TARGET)))
                .drop(BOT_AUTHOR);
    }

    /** The target column as a label's text: trimmed, lower case (null stays null). */
    private static Column target() {
        return functions.lower(functions.trim(functions.col(FeatureTable.TARGET)));
    }

    /** The table with MLlib's label and weight columns and the test flag; fails on unlabelled rows. */
    static Dataset<Row> labelled(Dataset<Row> table, Options o) {
        Column target = target();
        Column label = functions.lit(null).cast("double");
        Column weight = functions.lit(null).cast("double");
        for (Label l : Label.values()) {
            label = functions.when(target.equalTo(l.text()), (double) l.ordinal()).otherwise(label);
            weight = functions.when(target.equalTo(l.text()), o.weights().of(l)).otherwise(weight);
        }
        Column bucket = functions.pmod(functions.xxhash64(functions.col(FeatureTable.AUTHOR),
                functions.col(FeatureTable.LINK_ID), functions.col(FeatureTable.CREATED_UTC),
                functions.lit(o.seed())), functions.lit(HASH_BUCKETS));
        Dataset<Row> out = table
                .withColumn(MllibTree.LABEL, label)
                .withColumn(MllibTree.WEIGHT, weight)
                .withColumn(TEST, bucket.lt(functions.lit((long) Math.round(o.testFraction() * HASH_BUCKETS))));
        List<Row> bad = out.filter(functions.col(MllibTree.LABEL).isNull())
                .groupBy(FeatureTable.TARGET).count().limit(5).collectAsList();
        if (!bad.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Row r : bad) {
                sb.append(sb.length() == 0 ? "" : ", ").append(r.isNullAt(0) ? "(empty)" : "'" + r.getString(0) + "'")
                        .append(" ×").append(r.getLong(1));
            }
            // a table keeps no file and line of its rows: the key of one of them is what can be named
            Row one = out.filter(functions.col(MllibTree.LABEL).isNull())
                    .select(FeatureTable.AUTHOR, FeatureTable.LINK_ID, FeatureTable.CREATED_UTC).first();
            throw new TrollwatchException("the features table has rows without a usable target (" + sb
                    + "; one of them: author " + one.get(0) + ", link_id " + one.get(1) + ", created_utc " + one.get(2)
                    + "); training needs bot, normal or troll on every row");
        }
        return out;
    }

    private static void countByClass(Dataset<Row> prepared, Map<Label, Long> train, Map<Label, Long> test) {
        for (Label l : Label.values()) {
            train.put(l, 0L);
            test.put(l, 0L);
        }
        for (Row r : prepared.groupBy(TEST, MllibTree.LABEL).count().collectAsList()) {
            Label l = Label.values()[(int) r.getDouble(1)];
            (r.getBoolean(0) ? test : train).put(l, r.getLong(2));
        }
    }

    private static void requireAllClasses(Map<Label, Long> rows, String what) {
        for (Label l : Label.values()) {
            if (rows.get(l) == 0) {
                throw new TrollwatchException("class '" + l + "' is missing from the " + what + " set (rows per class: "
                        + rows + "); the model needs examples of bot, normal and troll");
            }
        }
    }

    private static ShippedModel ship(DecisionTree tree, Map<String, Object> params) {
        ModelInfo info = new ModelInfo(ModelIdentity.modelId(tree, params), "", FeatureSchema.FEATURIZER_VERSION,
                FeatureSchema.NAMES, ClassWeights.DEFAULT.asMap(), params, Map.of(), null, Map.of(), "");
        return ShippedModel.of("tree in training", tree, info);
    }

    /** The parameters as the model file records them. */
    static Map<String, Object> params(Learner learner, Options o, MllibTree.Params mp, long trainedRows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learner", learner.description());
        m.put("trained_on", "spark");
        m.put("max_depth", mp.maxDepth());
        m.put("min_leaf", mp.minInstancesPerNode());
        if (learner == Learner.MLLIB) {
            m.put("impurity", "gini");
            m.put("max_bins", mp.maxBins());
        } else {
            m.put("confidence", LearnerParams.DEFAULT.confidence());
            m.put("j48_min_num_obj", LearnerParams.J48_MIN_NUM_OBJ);
            m.put("j48_max_rows", o.j48MaxRows());
        }
        m.put("trained_rows", trainedRows);
        Map<String, Object> w = new LinkedHashMap<>();
        o.weights().asMap().forEach((k, v) -> w.put(k.text(), v));
        m.put("class_weights", w);
        m.put("split", "holdout");
        m.put("test_fraction", o.testFraction());
        m.put("seed", o.seed());
        m.put("relabel_bots", o.relabelBots());
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Object> metrics(Side chosen, Side other) {
        Map<String, Object> s = summary(chosen.test());
        s.put(other.learner().name().toLowerCase(Locale.ROOT) + "_on_the_same_test_rows", summary(other.test()));
        return Collections.unmodifiableMap(s);
    }

    private static Map<String, Object> summary(ConfusionMatrix m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("evaluated_on", "holdout");
        s.put("rows", m.total());
        s.put("accuracy", m.accuracy());
        s.put("mcc", m.mcc());
        s.put("kappa", m.kappa());
        return s;
    }

    /** Saves through the core's writers; a remote BASE (s3://, hdfs://) is written locally first, then copied. */
    private static TrainedModel save(Configuration conf, String base, TrainedModel model) throws IOException {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(base);
        java.nio.file.Path localTarget = LocalFiles.of(conf, target).orElse(null);
        if (localTarget != null) {
            return ModelFiles.saveAll(localTarget, model);
        }
        FileSystem fs = target.getFileSystem(conf);
        java.nio.file.Path dir = Files.createTempDirectory("trollwatch-train");
        java.nio.file.Path local = dir.resolve(target.getName());
        TrainedModel saved = ModelFiles.saveAll(local, model);
        for (java.nio.file.Path p : ModelFiles.paths(local)) {
            if (Files.exists(p)) {
                fs.copyFromLocalFile(true, true, new org.apache.hadoop.fs.Path(p.toUri()),
                        new org.apache.hadoop.fs.Path(target.getParent(), p.getFileName().toString()));
            }
        }
        Files.deleteIfExists(dir);
        return saved;
    }
}
