package dev.trollwatch.spark;

import dev.trollwatch.spark.job.FeaturesJob;
import dev.trollwatch.spark.job.TableFormat;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code features}: the features table of every comment, as {@code trollwatch features} computes it. */
@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Compute the 20 model features and the label of every comment under --in, exactly as 'trollwatch "
                + "features' does: the same columns and values, rows repeating an earlier (author, link_id, "
                + "created_utc) dropped (input order: files by path, then line), output in input order."})
public final class SparkFeaturesCommand implements Callable<Integer> {
    @Mixin
    DumpInputMixin input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (a table of part files).")
    String out;

    @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet", converter = TableFormatConverter.class,
            description = "Output format: parquet, or csv written as the CLI writes it. Default: ${DEFAULT-VALUE}.")
    TableFormat format;

    @Mixin
    SparkJobOptions spark;

    @Override
    public Integer call() throws Exception {
        var options = input.options();
        SparkSession session = spark.session("features");
        spark.checkOutput(session, out);
        FeaturesJob.Result r = FeaturesJob.run(session, input.in, options, out, format, spark.overwrite);
        System.err.printf("features: %d rows written to %s (%s); %d duplicate (author, link_id, created_utc) rows dropped%s%n",
                r.rowsWritten(), out, format.name().toLowerCase(java.util.Locale.ROOT), r.duplicates(),
                r.skipped() > 0 ? "; " + r.skipped() + " malformed rows skipped" : "");
        return SparkMain.OK;
    }
}
