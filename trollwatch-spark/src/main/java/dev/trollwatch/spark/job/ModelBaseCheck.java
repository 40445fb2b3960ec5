package dev.trollwatch.spark.job;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.modelio.ModelFiles;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What train checks about its model base before any work: no model file it writes is one of the
 * {@code --in} files (saving would replace the table it trained on), and no {@code BASE.model} of
 * another model is left beside a base whose learner writes only {@code BASE.json} and
 * {@code BASE.onnx} (the set on disk would carry two model ids).
 */
final class ModelBaseCheck {
    private ModelBaseCheck() {
    }

    static void check(Configuration conf, String in, String base, boolean writesWeka) throws IOException {
        List<String> inputs = InputFiles.list(conf, in);
        for (String extension : List.of(ModelFiles.WEKA, ModelFiles.JSON, ModelFiles.ONNX)) {
            Path p = new Path(base + extension);
            FileSystem fs = p.getFileSystem(conf);
            String file = fs.makeQualified(p).toString();
            if (inputs.contains(file)) {
                throw new TrollwatchException("--out " + base + " would replace the input " + file
                        + " with the model; choose another --out");
            }
            if (extension.equals(ModelFiles.WEKA) && !writesWeka && fs.exists(p)) {
                throw new TrollwatchException(base + ModelFiles.WEKA + " exists (another model's Weka file): this learner"
                        + " writes only " + base + ".json and " + base + ".onnx, and the three would disagree;"
                        + " remove it or choose another --out");
            }
        }
    }
}
