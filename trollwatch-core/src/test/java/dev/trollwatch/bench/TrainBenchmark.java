package dev.trollwatch.bench;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.io.table.FeaturesCsvReader;
import dev.trollwatch.model.DataPreparation;
import dev.trollwatch.model.LearnerParams;
import dev.trollwatch.model.PreparedData;
import dev.trollwatch.model.Provenance;
import dev.trollwatch.model.SplitPlan;
import dev.trollwatch.model.TrainingOptions;
import dev.trollwatch.model.TrainingOutcome;
import dev.trollwatch.model.TrainingRun;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * In-process timing of train + evaluate (the article's settings: depth 3, min leaf 100, weights
 * 1/2.5/5, stratified 70/30 split) on a features CSV: {@code TrainBenchmark FILE [REPEATS]}.
 * Reading the CSV is timed separately; the first repetition includes JIT warm-up. Prints the
 * peak heap used (sum of the heap pools' peaks) at the end. Run by {@code scripts/bench-train}.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long t0 = System.nanoTime();
        List<FeatureRow> rows = FeaturesCsvReader.readAll(file);
        long t1 = System.nanoTime();
        PreparedData data = DataPreparation.prepare(rows, true);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "file %s: %,d rows; read %.2f s, de-duplicate/relabel/sort %.2f s%n",
                file.getFileName(), rows.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        TrainingOptions opts = new TrainingOptions(LearnerParams.DEFAULT, new SplitPlan.HoldOut(0.3, true), 16, true, 0);
        double best = Double.MAX_VALUE;
        double sum = 0;
        for (int i = 0; i < repeats; i++) {
            long s = System.nanoTime();
            TrainingOutcome o = TrainingRun.run(data, opts, new Provenance("bench", "-", "-"));
            double secs = (System.nanoTime() - s) / 1e9;
            best = Math.min(best, secs);
            if (i > 0) {
                sum += secs;
            }
            System.out.printf(Locale.ROOT, "run %d: train+evaluate %.3f s (accuracy %.4f, MCC %.4f, %d leaves)%n", i + 1, secs,
                    o.evaluation().matrix().accuracy(), o.evaluation().matrix().mcc(), o.model().tree().leaves().size());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "train+evaluate: best %.3f s, mean after warm-up %.3f s; peak heap used %,d MB (max heap %,d MB)%n",
                best, repeats > 1 ? sum / (repeats - 1) : best, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
