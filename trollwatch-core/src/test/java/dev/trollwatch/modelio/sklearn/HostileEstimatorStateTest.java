package dev.trollwatch.modelio.sklearn;

import static dev.trollwatch.modelio.sklearn.HostilePickleTest.pickle;
import static dev.trollwatch.modelio.sklearn.HostilePickleTest.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A real tree pickle with one value swapped for a hostile one (an estimator parameter, the Tree's
 * arguments): refused with a clear message before the value is expanded or overflows.
 */
class HostileEstimatorStateTest {
    private static final byte[] GOOD = SklearnFixtures.bytes("article-params-p4.pkl");
    /** {@code criterion='gini'} in the fixture: SHORT_BINUNICODE 4 'gini'. */
    private static final byte[] GINI = text(0x8c, 4, "gini");
    /** {@code _sklearn_version='1.2.1'}. */
    private static final byte[] VERSION = text(0x8c, 5, "1.2.1");
    /** The Tree's first argument, n_features = 20 (BININT1), right after its STACK_GLOBAL and MEMOIZE. */
    private static final byte[] TREE_N_FEATURES = text(0x8c, 4, "Tree", 0x94, 0x93, 0x94, 'K', 20);

    /** x = ['a']; then 80 times x = [x, x]: 2^80 strings once written out, in a few hundred bytes. */
    private static final byte[] LIST_OF_ITSELF_80_LEVELS = concat(times(80, ']', '('),
            text(']', 0x8c, 1, "a", 'a'), times(80, '2', 'e'));
    /** c = []; c.append(c); then MARK, POP_MARK twice so that the file is not shorter than its FRAME says. */
    private static final byte[] LIST_CONTAINING_ITSELF = text(']', '2', 'a', '(', '1', '(', '1');

    private static PickleException refused(byte[] bytes) {
        PickleException e = assertThrows(PickleException.class,
                () -> SklearnTreeImporter.decode(bytes, "x.pkl", "x.pkl", null, "t", "now"));
        assertTrue(e.getMessage().startsWith("x.pkl: "), e.getMessage());
        return e;
    }

    private static void assertMessage(PickleException e, String expected) {
        assertTrue(e.getMessage().contains(expected), "message lacks '" + expected + "': " + e.getMessage());
    }

    @Test
    void theSplicedFixtureStillImports() {
        // the splice points exist, and replacing a value by itself changes nothing
        ImportedModel m = SklearnTreeImporter.decode(splice(GOOD, GINI, GINI), "x.pkl", "x.pkl", null, "t", "now");
        assertEquals("gini", m.info().params().get("criterion"));
        assertEquals("1.2.1", SklearnTreeImporter.decode(splice(GOOD, VERSION, VERSION), "x.pkl", "x.pkl", null,
                "t", "now").info().params().get("sklearn_version"));
    }

    @Test
    void aParameterThatIsAListOfItselfIsRefusedBeforeItIsExpanded() {
        // 1.8 KB; writing it out as JSON took all memory, or overflowed the stack for the cyclic one
        for (byte[] value : new byte[][] {LIST_CONTAINING_ITSELF, LIST_OF_ITSELF_80_LEVELS}) {
            PickleException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> refused(splice(GOOD, GINI, value)));
            assertMessage(e, "x.pkl: estimator parameter criterion is a list, not None, a bool, a number or a string");
            assertMessage(refused(splice(GOOD, VERSION, value)), "estimator parameter _sklearn_version is a list");
        }
    }

    @Test
    void aParameterStringTooLongForAModelFileIsRefused() {
        // 50,000 characters imported, and a model file of 20 M characters could not be read back
        byte[] longText = text('X', 0x50, 0xc3, 0, 0, "x".repeat(50_000));
        assertMessage(refused(splice(GOOD, GINI, longText)),
                "estimator parameter criterion is a string of 50000 characters; at most 1000 are kept");
    }

    @Test
    void aTreeWithMoreFeaturesThanAnIntHoldsIsARangeError() {
        // LONG1 2^31 and 2^63 - 1: Math.toIntExact failed, an internal error
        for (Object[] n : new Object[][] {{"2147483648", new int[] {0x8a, 5, 0, 0, 0, 0x80, 0}},
            {"9223372036854775807", new int[] {0x8a, 8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}}}) {
            byte[] value = concat(text(0x8c, 4, "Tree", 0x94, 0x93, 0x94), ints((int[]) n[1]));
            assertMessage(refused(splice(GOOD, TREE_N_FEATURES, value)),
                    "x.pkl: the Tree's n_features " + n[0] + " is out of range: trollwatch computes 20 features");
        }
    }

    /** {@code bytes} with the first occurrence of {@code old} replaced. */
    static byte[] splice(byte[] bytes, byte[] old, byte[] replacement) {
        for (int at = 0; at + old.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + old.length, old, 0, old.length)) {
                return concat(Arrays.copyOf(bytes, at), replacement,
                        Arrays.copyOfRange(bytes, at + old.length, bytes.length));
            }
        }
        throw new AssertionError("splice point not in the fixture");
    }

    /** Opcodes and text as {@link HostilePickleTest#pickle}, without PROTO. */
    private static byte[] text(Object... parts) {
        byte[] b = pickle(parts);
        return Arrays.copyOfRange(b, 2, b.length);
    }

    private static byte[] ints(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
