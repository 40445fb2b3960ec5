package dev.trollwatch.cli;

import dev.trollwatch.BuildInfo;
import dev.trollwatch.TrollwatchException;
import dev.trollwatch.model.Numbers;
import dev.trollwatch.model.ReportFormatter;
import dev.trollwatch.model.TrainedModel;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.modelio.sklearn.ImportedModel;
import dev.trollwatch.modelio.sklearn.SklearnTreeImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trollwatch import-sklearn}: a scikit-learn DecisionTreeClassifier pickle → BASE.json + BASE.onnx. */
@Command(name = "import-sklearn", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Turn a scikit-learn DecisionTreeClassifier pickle (such as the 2019 system's model) into trollwatch "
                + "model files BASE.json and BASE.onnx, which predict, evaluate and serve use unchanged.",
            "The pickle is never executed: only the opcodes and names a tree needs are accepted (anything else, "
                + "e.g. os.system, is refused before anything is built). The model scores exactly as "
                + "scikit-learn's predict_proba: values are rounded to float32 before each comparison.",
            "No BASE.model: Weka's J48 cannot hold a CART tree."})
public final class ImportSklearnCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ImportSklearnCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE",
            description = "The pickle (scikit-learn 0.20 to 1.x, pickle protocol 2 to 5, at most 64 MiB).")
    Path in;

    // Not the OutputOption mixin: that writes one result to stdout or one file; this writes a model set
    // at a base name, like train's --out.
    @Option(names = "--out", required = true, paramLabel = "BASE",
            description = "Path without extension: writes BASE.json and BASE.onnx (both or neither).")
    Path out;

    @Option(names = "--feature-names", split = ",", paramLabel = "NAME",
            description = "The pickle's feature columns, in order, as trollwatch feature names (comma-separated). "
                    + "Default: the pickle's feature_names_in_, else the 2019 order for 20 features. Renames a DataFrame's own "
                    + "column names; a list that reorders feature_names_in_ already holding trollwatch's names is refused.")
    List<String> featureNames;

    @Override
    public Integer call() throws IOException {
        DashOutputCheck.refuse(List.of(new InputOverwriteCheck.Named("--out", out))); // it wrote -.json and -.onnx
        ModelBaseCheck.requireBaseName("--out", out.toString(), "BASE.json and BASE.onnx");
        InputOverwriteCheck.requireDistinct(
                List.of(new InputOverwriteCheck.Named("--out", Path.of(out + ModelFiles.JSON)),
                        new InputOverwriteCheck.Named("--out", Path.of(out + ModelFiles.ONNX))),
                List.of(new InputOverwriteCheck.Named("--in", in)));
        if (Files.isDirectory(out)) { // BASE.json would land beside the folder, not in it
            throw new UsageException("--out " + out + " is a directory; give a base name such as " + out.resolve("model"));
        }
        Path stale = Path.of(out + ModelFiles.WEKA);
        if (Files.exists(stale)) {
            throw new TrollwatchException(stale + " exists (another model's Weka file): import-sklearn writes only "
                    + out + ".json and " + out + ".onnx, and the three would disagree; remove it or choose another --out");
        }
        Path staleMetrics = Path.of(out + ModelFiles.METRICS);
        if (Files.exists(staleMetrics)) { // train's metrics of another model, quoting its id
            throw new TrollwatchException(staleMetrics + " exists (another model's metrics file): import-sklearn writes"
                    + " none, and the set would describe two models; remove it or choose another --out");
        }
        String createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ImportedModel m = SklearnTreeImporter.read(in, featureNames, BuildInfo.version(), createdAt);
        ModelFiles.saveAll(out, new TrainedModel(null, null, m.tree(), m.info()));
        LOG.info("import-sklearn: model {} from {}", m.info().modelId(), in);

        Map<String, Object> p = m.info().params();
        PrintWriter w = spec.commandLine().getOut();
        w.printf("Imported %s: scikit-learn %s DecisionTreeClassifier (criterion %s, max_depth %s, "
                + "min_samples_leaf %s, class_weight %s)%n", in, p.get("sklearn_version"), p.get("criterion"),
                p.get("max_depth"), p.get("min_samples_leaf"), p.get("class_weight"));
        w.printf("SHA-256 %s; depth %d, %s; training rows %s (leaf rows %s)%n%n", p.get("source_sha256"),
                m.tree().depth(), Numbers.count(m.tree().leaves().size(), "leaf", "leaves"), ReportFormatter.classCounts(m.info().trainingRows()),
                ((String) p.get("leaf_rows")).split(" ")[0]);
        w.print(ReportFormatter.rules(m.tree()));
        w.printf("(each value is rounded to float32 before it is compared, as scikit-learn does)%n");
        w.printf("%nModel: %s.json, %s.onnx (id %s)%n", out, out, m.info().modelId());
        w.flush();
        return ExitCode.OK;
    }
}
