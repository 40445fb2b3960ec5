package dev.trollwatch.cli;

import dev.trollwatch.modelio.ModelFiles;
import java.util.List;
import java.util.Locale;

/**
 * A model set's {@code --out} is a base name: {@code train --out m.json} would write
 * {@code m.json.json}, {@code m.json.onnx}, ... so a base ending in a model file's extension is
 * refused with the base that was meant.
 */
final class ModelBaseCheck {
    /** {@code --out m.metrics} wrote its model as {@code m.metrics.json}, the metrics file of {@code --out m}. */
    private static final String METRICS_STEM = ".metrics";

    /** Longest first, so that {@code .metrics.json} is stripped whole rather than as {@code .json}. */
    private static final List<String> EXTENSIONS = List.of(ModelFiles.METRICS, ModelFiles.WEKA + ".gz",
            ModelFiles.WEKA, ModelFiles.JSON, ModelFiles.ONNX, METRICS_STEM);

    private ModelBaseCheck() {
    }

    /** Throws a usage error if {@code base} ends in a model file's extension (in any case). */
    static void requireBaseName(String option, String base, String writes) {
        String lower = base.toLowerCase(Locale.ROOT);
        for (String extension : EXTENSIONS) {
            if (lower.endsWith(extension) && lower.length() > extension.length()) {
                String meant = base.substring(0, base.length() - extension.length());
                throw new UsageException(option + " is a base name: use " + meant + " (it writes " + writes.replace("BASE", meant)
                        + ")");
            }
        }
    }
}
