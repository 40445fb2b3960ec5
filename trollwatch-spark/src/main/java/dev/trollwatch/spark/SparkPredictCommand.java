package dev.trollwatch.spark;

import dev.trollwatch.model.Numbers;
import dev.trollwatch.spark.job.PredictJob;
import dev.trollwatch.spark.job.ShippedModel;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code predict}: every comment scored by a model file, as {@code trollwatch predict} scores it. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Score every comment under --in with a model file: author, link_id, created_utc, predicted, p_bot, "
                + "p_normal, p_troll, the values 'trollwatch predict' writes, in input order.",
            "--in may also be a features table (the features job's Parquet or CSV, or a 'trollwatch features' CSV),"
                + " recognised by its columns: its rows are scored as they are."})
public final class SparkPredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "Model file: BASE.model, BASE.json or BASE.onnx (local or on any Hadoop file system).")
    String model;

    @Mixin
    DumpInputMixin input;

    @Mixin
    TableOutputOptions output;

    @Option(names = "--with-features", description = "Also write the 20 feature values, one column per feature name.")
    boolean withFeatures;

    @Option(names = "--explain",
            description = "Explain every verdict, as 'trollwatch predict --explain': columns path (e.g. 'recent_avg_diff_ratio"
                    + " 0.676242 > 0.4 → bot') and leaf_rows_bot, leaf_rows_normal, leaf_rows_troll (the leaf's training rows).")
    boolean explain;

    @Mixin
    SparkJobOptions spark;

    @Override
    public Integer call() throws Exception {
        var options = input.options();
        SparkSession session = spark.session("predict");
        output.check(session, input.in, model);
        ShippedModel shipped = ShippedModel.load(session.sparkContext().hadoopConfiguration(), model);
        JobLog.line("predict: model " + shipped.modelId() + " from " + model);
        PredictJob.Input in = PredictJob.Input.of(session, input.in, options);
        if (in.featureTable()) {
            JobLog.line("predict: " + input.in + " is a features table: its rows are scored as they are");
            if (options.skip()) {
                JobLog.line("predict: warning: --on-error skip applies to dumps; a bad value in a features table"
                        + " fails the job");
            }
        }
        PredictJob.Result r;
        try (var heartbeat = JobHeartbeat.start(session, "predict")) {
            r = PredictJob.run(session, shipped, in, options, output.out, output.format,
                    new PredictJob.Columns(withFeatures, explain), output.overwrite);
        }
        JobLog.line(String.format("predict: %s scored, written to %s%s", Numbers.count(r.rowsWritten(), "row", "rows"),
                output.out,
                r.skipped() > 0 ? "; " + Numbers.count(r.skipped(), "malformed row", "malformed rows") + " skipped" : ""));
        return SparkMain.OK;
    }
}
