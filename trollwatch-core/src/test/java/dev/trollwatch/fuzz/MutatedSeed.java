package dev.trollwatch.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** One fuzz input of a target with several seed inputs: which seed, and the mutations to apply to it. */
public record MutatedSeed(int seed, List<ByteMutations.Mutation> mutations) {
    /** Inputs over {@code seeds} seeds, with {@link ByteMutations#mutations()}. */
    public static Arbitrary<MutatedSeed> over(int seeds) {
        return Combinators.combine(Arbitraries.integers().between(0, seeds - 1), ByteMutations.mutations())
                .as(MutatedSeed::new);
    }

    /** The mutated bytes of this input's seed. */
    public byte[] apply(List<byte[]> seeds) {
        return ByteMutations.applyAll(seeds.get(seed), mutations);
    }
}
