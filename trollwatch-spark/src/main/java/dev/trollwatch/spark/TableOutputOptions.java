package dev.trollwatch.spark;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.io.file.AtomicOutput;
import dev.trollwatch.spark.job.InputFiles;
import dev.trollwatch.spark.job.LocalFiles;
import dev.trollwatch.spark.job.TableFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Where and how features and predict write their table. */
public final class TableOutputOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (a table of part files).")
    String out;

    @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet", converter = TableFormatConverter.class,
            description = "Output format: parquet, or csv written as the CLI writes it (the input's format is --in-format,"
                    + " where the CLI's --format names the input's). Default: ${DEFAULT-VALUE}.")
    TableFormat format;

    @Option(names = "--overwrite", description = "Replace an existing --out directory. Default: refuse.")
    boolean overwrite;

    /**
     * Fails before any work when a local output cannot be created, when the output exists and may not be replaced, or when replacing it would
     * delete a file the job reads: {@code --overwrite} replaces the whole directory, the {@code --in}
     * files and any {@code alsoRead} file (predict's {@code --model}) inside it included.
     */
    void check(SparkSession spark, String in, String... alsoRead) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path p = new Path(out);
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            java.nio.file.Path local = LocalFiles.of(conf, p).orElse(null);
            if (local != null) {
                // Spark would find a folder that takes no new files only when the last stage writes
                AtomicOutput.checkCreatable(local);
            }
            return;
        }
        if (!overwrite) {
            throw new TrollwatchException(out + ": already exists (use --overwrite to replace it)");
        }
        String replaced = fs.makeQualified(p).toString();
        List<String> read = new ArrayList<>(InputFiles.list(conf, in));
        for (String file : alsoRead) {
            Path f = new Path(file);
            read.add(f.getFileSystem(conf).makeQualified(f).toString());
        }
        for (String file : read) {
            if (file.equals(replaced) || file.startsWith(replaced + "/")) {
                throw new TrollwatchException("--out " + out + " holds the input " + file
                        + ": --overwrite would delete it; choose another --out");
            }
        }
    }
}
