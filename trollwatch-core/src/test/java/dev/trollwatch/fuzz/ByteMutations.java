package dev.trollwatch.fuzz;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Byte-level mutations of a real input, as fuzzers make them: overwrite, insert, delete, duplicate
 * a range, truncate. Positions are fractions of the input's length, so one mutation list applies to
 * any seed.
 */
public final class ByteMutations {
    /** One edit at a fraction {@code at} of the input, {@code length} bytes long, writing {@code value}. */
    public record Mutation(int kind, double at, int length, byte value) {
        byte[] apply(byte[] in) {
            int n = in.length;
            int pos = Math.min(n, (int) (at * n));
            int len = Math.min(length, n - pos);
            switch (kind) {
                case 0: { // overwrite
                    byte[] out = in.clone();
                    Arrays.fill(out, pos, pos + len, value);
                    return out;
                }
                case 1: { // insert
                    byte[] out = new byte[n + length];
                    System.arraycopy(in, 0, out, 0, pos);
                    Arrays.fill(out, pos, pos + length, value);
                    System.arraycopy(in, pos, out, pos + length, n - pos);
                    return out;
                }
                case 2: { // delete
                    byte[] out = new byte[n - len];
                    System.arraycopy(in, 0, out, 0, pos);
                    System.arraycopy(in, pos + len, out, pos, n - pos - len);
                    return out;
                }
                case 3: { // duplicate a range
                    byte[] out = new byte[n + len];
                    System.arraycopy(in, 0, out, 0, pos + len);
                    System.arraycopy(in, pos, out, pos + len, n - pos);
                    return out;
                }
                default: // truncate
                    return Arrays.copyOf(in, pos);
            }
        }
    }

    private ByteMutations() {
    }

    /** One to eight mutations; small lengths and bytes that matter to parsers are favoured. */
    public static Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Byte> values = Arbitraries.oneOf(
                Arbitraries.of((byte) ',', (byte) '"', (byte) '|', (byte) '\n', (byte) '\r', (byte) '[', (byte) ']',
                        (byte) '{', (byte) '}', (byte) '\\', (byte) 0, (byte) 0xFF, (byte) 0xC3, (byte) '9', (byte) 'e'),
                Arbitraries.bytes());
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.frequency(net.jqwik.api.Tuple.of(4, 0), net.jqwik.api.Tuple.of(3, 1),
                        net.jqwik.api.Tuple.of(3, 2), net.jqwik.api.Tuple.of(2, 3), net.jqwik.api.Tuple.of(1, 4)),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 64).withDistribution(net.jqwik.api.RandomDistribution.biased()),
                values).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    public static byte[] applyAll(byte[] seed, List<Mutation> mutations) {
        byte[] b = seed;
        for (Mutation m : mutations) {
            b = m.apply(b);
        }
        return b;
    }
}
