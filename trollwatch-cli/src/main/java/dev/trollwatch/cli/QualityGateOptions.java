package dev.trollwatch.cli;

import dev.trollwatch.model.QualityGate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code evaluate}'s quality gates: minimum metrics a CI job requires (exit code 3 when one fails). */
public final class QualityGateOptions {
    @Option(names = "--min-accuracy", paramLabel = "X", description = "Fail (exit 3) when accuracy < X.")
    Double minAccuracy;

    @Option(names = "--min-mcc", paramLabel = "X", description = "Fail (exit 3) when the multiclass MCC < X.")
    Double minMcc;

    @Option(names = "--min-kappa", paramLabel = "X", description = "Fail (exit 3) when Cohen's kappa < X.")
    Double minKappa;

    @Option(names = "--min-precision", paramLabel = "CLASS=X", description = "Fail (exit 3) when a class's precision < X, e.g. bot=0.8 (repeatable, or comma-separated).")
    List<String> minPrecision = new ArrayList<>();

    @Option(names = "--min-recall", paramLabel = "CLASS=X", description = "Fail (exit 3) when a class's recall < X, e.g. troll=0.7.")
    List<String> minRecall = new ArrayList<>();

    @Option(names = "--min-f1", paramLabel = "CLASS=X", description = "Fail (exit 3) when a class's F1 < X, e.g. troll=0.6.")
    List<String> minF1 = new ArrayList<>();

    /** The gates in a stable order, or a UsageException naming the bad option. */
    List<QualityGate> gates() {
        List<QualityGate> gates = new ArrayList<>();
        if (minAccuracy != null) {
            gates.add(overall(QualityGate.Metric.ACCURACY, minAccuracy, "--min-accuracy"));
        }
        if (minMcc != null) {
            gates.add(overall(QualityGate.Metric.MCC, minMcc, "--min-mcc"));
        }
        if (minKappa != null) {
            gates.add(overall(QualityGate.Metric.KAPPA, minKappa, "--min-kappa"));
        }
        perClass(gates, QualityGate.Metric.PRECISION, minPrecision, "--min-precision");
        perClass(gates, QualityGate.Metric.RECALL, minRecall, "--min-recall");
        perClass(gates, QualityGate.Metric.F1, minF1, "--min-f1");
        return gates;
    }

    private static QualityGate overall(QualityGate.Metric metric, double min, String option) {
        double low = metric == QualityGate.Metric.ACCURACY ? 0 : -1; // MCC and kappa range over [-1, 1]
        if (!(min >= low && min <= 1)) { // a gate of 90 would fail forever: accuracy is a fraction
            throw new UsageException(option + " must be between " + (int) low + " and 1 (a fraction: 0.9, not 90), got " + min);
        }
        return new QualityGate(metric, null, min);
    }

    private static void perClass(List<QualityGate> out, QualityGate.Metric metric, List<String> specs, String option) {
        for (String spec : specs) {
            try {
                out.addAll(QualityGate.parsePerClass(metric, spec));
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid " + option + " '" + spec + "': " + e.getMessage());
            }
        }
    }
}
