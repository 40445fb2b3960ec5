package dev.trollwatch.bench;

import dev.trollwatch.features.SequenceMatcher;
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
 * difflib ratio of one (body[:200], recent body[:200]) pair, as the featurizer computes it
 * 20 times per row. Pairs come from the golden parity dump; each op takes the next pair.
 * Run: scripts/bench-kernels SequenceMatcher
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SequenceMatcherBenchmark {
    private int[][] aCps;
    private int[] aLen;
    private String[] bs;
    private int next;
    private final SequenceMatcher matcher = new SequenceMatcher();

    @Setup
    public void load() {
        List<String[]> pairs = BenchData.bodyPairs(4096);
        aCps = new int[pairs.size()][];
        aLen = new int[pairs.size()];
        bs = new String[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            String a = BenchData.slice(pairs.get(i)[0], 200);
            aCps[i] = a.codePoints().toArray();
            aLen[i] = aCps[i].length;
            bs[i] = pairs.get(i)[1];
        }
    }

    /** One ratio: index a, then match it against b (sliced to 200 code points). */
    @Benchmark
    public double ratioOfRealisticPair() {
        int i = next;
        next = i + 1 == bs.length ? 0 : i + 1;
        matcher.setA(aCps[i], aLen[i]);
        return matcher.ratioWithB(bs[i], 200);
    }
}
