package dev.trollwatch.spark;

import dev.trollwatch.model.Numbers;
import dev.trollwatch.spark.job.FeaturesJob;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code features}: the features table of every comment, as {@code trollwatch features} computes it. */
@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Compute the 20 model features and the label of every comment under --in, exactly as 'trollwatch "
                + "features' does: the same columns and values, rows repeating an earlier (author, link_id, "
                + "created_utc) dropped (input order: files by path, then line), output in input order."})
public final class SparkFeaturesCommand implements Callable<Integer> {
    @Mixin
    DumpInputMixin input;

    @Mixin
    TableOutputOptions output;

    @Mixin
    SparkJobOptions spark;

    @Override
    public Integer call() throws Exception {
        var options = input.options();
        SparkSession session = spark.session("features");
        output.check(session, input.in);
        FeaturesJob.Result r;
        try (var heartbeat = JobHeartbeat.start(session, "features")) {
            r = FeaturesJob.run(session, input.in, options, output.out, output.format, output.overwrite);
        }
        JobLog.line(String.format("features: %s written to %s (%s); %s dropped%s",
                Numbers.count(r.rowsWritten(), "row", "rows"), output.out, output.format.name().toLowerCase(Locale.ROOT),
                Numbers.count(r.duplicates(), "duplicate (author, link_id, created_utc) row",
                        "duplicate (author, link_id, created_utc) rows"),
                r.skipped() > 0 ? "; " + Numbers.count(r.skipped(), "malformed row", "malformed rows") + " skipped" : ""));
        return SparkMain.OK;
    }
}
