package dev.trollwatch.spark.job;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.io.file.AtomicOutput;
import dev.trollwatch.modelio.ModelFiles;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * What train checks about its model base before any work: no model file it writes is one of the
 * {@code --in} files (saving would replace the table it trained on), a local base's files can be
 * created (as the CLI checks them: a read-only folder failed only after the training), and no {@code BASE.model} of
 * another model is left beside a base whose learner writes only {@code BASE.json} and
 * {@code BASE.onnx} (the set on disk would carry two model ids), nor a {@code BASE.metrics.json},
 * which no Spark job writes.
 */
final class ModelBaseCheck {
    private ModelBaseCheck() {
    }

    /** {@code inputs}: the {@code --in} files, as {@link InputFiles#list} gives them. */
    static void check(Configuration conf, List<String> inputs, String base, boolean writesWeka) throws IOException {
        for (String extension : List.of(ModelFiles.WEKA, ModelFiles.JSON, ModelFiles.ONNX)) {
            Path p = new Path(base + extension);
            String file = p.getFileSystem(conf).makeQualified(p).toString();
            if (inputs.contains(file)) {
                throw new TrollwatchException("--out " + base + " would replace the input " + file
                        + " with the model; choose another --out");
            }
        }
        java.nio.file.Path localBase = LocalFiles.of(conf, new Path(base)).orElse(null);
        if (localBase != null) {
            for (java.nio.file.Path file : ModelFiles.paths(localBase)) {
                if (writesWeka || !file.toString().endsWith(ModelFiles.WEKA)) {
                    AtomicOutput.checkCreatable(file);
                }
            }
        }
        Path metrics = new Path(base + ModelFiles.METRICS);
        if (metrics.getFileSystem(conf).exists(metrics)) {
            // the CLI's metrics file of another model (what CI reads): Spark's train writes none to replace it
            throw new TrollwatchException(base + ModelFiles.METRICS + " exists (another model's metrics file): this job"
                    + " writes no metrics file, and the set would describe two models; remove it or choose another --out");
        }
        Path weka = new Path(base + ModelFiles.WEKA);
        if (!writesWeka && weka.getFileSystem(conf).exists(weka)) {
            throw new TrollwatchException(base + ModelFiles.WEKA + " exists (another model's Weka file): this learner"
                    + " writes only " + base + ".json and " + base + ".onnx, and the three would disagree;"
                    + " remove it or choose another --out");
        }
    }
}
