package dev.trollwatch.fuzz;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Byte-level mutations of a real input, as fuzzers make them: overwrite, insert, delete, duplicate
 * a range, truncate, and insert a long run of digits or '[' (1,040 to 3,560 bytes) — long enough
 * to cross the JSON parser's limits (1,000-digit numbers, nesting 1,000 deep), which short edits
 * never reached while three readers crashed on them. Positions are fractions of the input's length, so one mutation
 * list applies to any seed.
 */
public final class ByteMutations {
    /** A long run is this many bytes plus {@link #LONG_RUN_SCALE} per unit of {@code length}. */
    static final int LONG_RUN_BASE = 1000;
    static final int LONG_RUN_SCALE = 40;

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
                case 1: // insert
                    return insert(in, pos, length, value);
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
                case 5: // insert a long run of what the parser's limits count
                    return insert(in, pos, LONG_RUN_BASE + length * LONG_RUN_SCALE, (value & 1) == 0 ? (byte) '9' : (byte) '[');
                default: // truncate
                    return Arrays.copyOf(in, pos);
            }
        }

        private static byte[] insert(byte[] in, int pos, int count, byte value) {
            byte[] out = new byte[in.length + count];
            System.arraycopy(in, 0, out, 0, pos);
            Arrays.fill(out, pos, pos + count, value);
            System.arraycopy(in, pos, out, pos + count, in.length - pos);
            return out;
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
                        net.jqwik.api.Tuple.of(3, 2), net.jqwik.api.Tuple.of(2, 3), net.jqwik.api.Tuple.of(1, 4),
                        net.jqwik.api.Tuple.of(2, 5)),
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
