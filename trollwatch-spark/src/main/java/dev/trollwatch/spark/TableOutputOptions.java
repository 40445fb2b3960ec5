package dev.trollwatch.spark;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.spark.job.TableFormat;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Where and how features and predict write their table. */
public final class TableOutputOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (a table of part files).")
    String out;

    @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet", converter = TableFormatConverter.class,
            description = "Output format: parquet, or csv written as the CLI writes it. Default: ${DEFAULT-VALUE}.")
    TableFormat format;

    @Option(names = "--overwrite", description = "Replace an existing --out directory. Default: refuse.")
    boolean overwrite;

    /** Fails before any work when the output exists and may not be replaced. */
    void check(SparkSession spark) throws IOException {
        Path p = new Path(out);
        if (!overwrite && p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
            throw new TrollwatchException(out + ": already exists (use --overwrite to replace it)");
        }
    }
}
