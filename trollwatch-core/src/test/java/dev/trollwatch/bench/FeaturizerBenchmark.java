package dev.trollwatch.bench;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.ParityFiles;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One row of the parity dump through the featurizer, with a trivial polarity function so the
 * figure is the featurizer's own cost (20 difflib ratios, the means) without sentiment.
 * Run: scripts/bench-kernels FeaturizerBenchmark
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FeaturizerBenchmark {
    private List<Comment> rows;
    private Featurizer featurizer;
    private int next;

    @Setup
    public void load() {
        rows = ParityFiles.readDump();
        featurizer = new Featurizer(String::length);
    }

    @Benchmark
    public FeatureRow featurizeRowWithoutSentiment() {
        int i = next;
        next = i + 1 == rows.size() ? 0 : i + 1;
        return featurizer.featurize(rows.get(i));
    }
}
