package dev.trollwatch.modelio.sklearn;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the decoder. Property: whatever the bytes, the result is a valid model or a
 * {@link PickleException} with a message, never another exception (no crash, no stack trace for
 * the user, no runaway allocation).
 */
class PickleMutationTest {
    private static final String[] SEEDS = {"depth1-p3.pkl", "legacy-0.20-layout-p3.pkl", "sklearn-1.4-layout-p4.pkl",
        "unbalanced-p5.pkl", "named-features-two-classes-p4.pkl"};

    private static void decodeCleanly(byte[] bytes, String what) {
        try {
            ImportedModel m = SklearnTreeImporter.decode(bytes, "m.pkl", "m.pkl", null, "t", "now");
            assertNotNull(m.tree());
        } catch (PickleException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("m.pkl: ")) {
                fail(what + ": message does not name the file: " + e.getMessage());
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    @Test
    void everyPrefixOfAPickleIsRefusedCleanly() {
        byte[] good = SklearnFixtures.bytes("legacy-0.20-layout-p3.pkl");
        for (int n = 0; n < good.length; n++) {
            decodeCleanly(Arrays.copyOf(good, n), "prefix of " + n + " bytes");
        }
    }

    @Test
    void randomByteMutationsGiveAModelOrAPickleException() {
        Random rnd = new Random(20191215);
        for (String seed : SEEDS) {
            byte[] good = SklearnFixtures.bytes(seed);
            for (int i = 0; i < 1500; i++) {
                byte[] b = good.clone();
                int edits = 1 + rnd.nextInt(4);
                StringBuilder what = new StringBuilder(seed);
                for (int e = 0; e < edits; e++) {
                    int at = rnd.nextInt(b.length);
                    byte v = switch (rnd.nextInt(4)) {
                        case 0 -> (byte) rnd.nextInt(256);
                        case 1 -> (byte) (b[at] ^ (1 << rnd.nextInt(8)));
                        case 2 -> (byte) 0xff;
                        default -> (byte) (b[at] + 1);
                    };
                    what.append(String.format(" [%d]=%02x", at, v));
                    b[at] = v;
                }
                decodeCleanly(b, what.toString());
            }
        }
    }

    @Test
    void splicedPicklesGiveAModelOrAPickleException() {
        Random rnd = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] a = SklearnFixtures.bytes(SEEDS[rnd.nextInt(SEEDS.length)]);
            byte[] b = SklearnFixtures.bytes(SEEDS[rnd.nextInt(SEEDS.length)]);
            int cutA = rnd.nextInt(a.length);
            int cutB = rnd.nextInt(b.length);
            byte[] spliced = Arrays.copyOf(a, cutA + b.length - cutB);
            System.arraycopy(b, cutB, spliced, cutA, b.length - cutB);
            decodeCleanly(spliced, "splice " + cutA + "/" + cutB);
        }
    }
}
