package dev.trollwatch.io.dump;

import dev.trollwatch.fuzz.BoundedRun;
import dev.trollwatch.fuzz.ByteMutations;
import dev.trollwatch.fuzz.FuzzTally;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the dump readers (every format, plain and gzip, detected or forced) with mutated real
 * dumps. Property: reading ends with rows or a clean error (a TrollwatchException naming the file),
 * under either error policy, within 10 s; never another exception or a hang. CI runs jqwik's default
 * number of tries; {@code scripts/fuzz dumps} runs 100,000.
 */
class DumpReaderFuzzTest {
    private static final FuzzTally TALLY = new FuzzTally("dumps");
    private static final List<String> SEED_NAMES = List.of("sample.csv", "sample.pg.csv", "sample.psql",
            "sample.2019.csv", "sample.jsonl", "sample.psql.gz");
    private static final List<byte[]> SEEDS = seeds();
    private static final BoundedRun RUN = new BoundedRun();

    record Input(int seed, List<ByteMutations.Mutation> mutations, InputFormat format, boolean skip) {
    }

    @AfterContainer
    static void report() {
        RUN.close();
        TALLY.report();
    }

    @Property
    void everyMutatedDumpReadsOrFailsCleanly(@ForAll("inputs") Input input) throws InterruptedException {
        TALLY.input();
        byte[] bytes = ByteMutations.applyAll(SEEDS.get(input.seed()), input.mutations());
        Throwable t = RUN.run(() -> {
            ErrorPolicy policy = input.skip() ? ErrorPolicy.skipAll() : ErrorPolicy.FAIL;
            try (CommentReader r = CommentReaders.open(new ByteArrayInputStream(bytes), "fuzz", input.format(), policy)) {
                long n = 0;
                while (r.hasNext()) {
                    r.next();
                    n++;
                }
                return n;
            }
        }, 10);
        TALLY.judge(t, "rows", "clean error");
    }

    @Provide
    Arbitrary<Input> inputs() {
        List<InputFormat> formats = new ArrayList<>();
        formats.add(null);
        formats.addAll(List.of(InputFormat.values()));
        return Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1), ByteMutations.mutations(),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just((InputFormat) null)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(InputFormat.values()))),
                Arbitraries.of(true, false)).as(Input::new);
    }

    private static List<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>();
        for (String name : SEED_NAMES) {
            try (InputStream in = DumpFixtures.testResource(name)) {
                out.add(in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException(name, e);
            }
        }
        return out;
    }
}
