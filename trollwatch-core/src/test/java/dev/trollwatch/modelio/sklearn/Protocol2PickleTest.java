package dev.trollwatch.modelio.sklearn;

import static dev.trollwatch.modelio.sklearn.HostilePickleTest.pickle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Python 3 at pickle protocol 2 writes every bytes object as {@code _codecs.encode(text, 'latin1')}:
 * read as the bytes it stands for, and nothing else of {@code _codecs} is accepted.
 */
class Protocol2PickleTest {
    private static PickleException refused(byte[] bytes) {
        return assertThrows(PickleException.class,
                () -> SklearnTreeImporter.decode(bytes, "x.pkl", "x.pkl", null, "t", "now"));
    }

    @Test
    void aProtocol2PickleWithLatin1EncodedBuffersImports() throws Exception {
        byte[] bytes = SklearnFixtures.bytes("protocol2-p2.pkl");
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("c_codecs\nencode\n"),
                "the fixture writes its buffers through _codecs.encode");
        ImportedModel m = SklearnTreeImporter.read(SklearnFixtures.path("protocol2-p2.pkl"), null, "t", "now");
        DecisionTree.Split root = (DecisionTree.Split) m.tree().root();
        assertEquals(FeatureSchema.indexOf("no_follow"), root.feature());
        assertEquals(0.5, root.threshold());
        // the values buffer decoded byte for byte: weighted counts bot / normal / troll
        assertArrayEquals(new double[] {30, 5, 1}, ((DecisionTree.Leaf) root.left()).weights());
        assertArrayEquals(new double[] {2, 4, 40}, ((DecisionTree.Leaf) root.right()).weights());
        assertEquals(Label.TROLL, ((DecisionTree.Leaf) root.right()).predicted());
        assertEquals(7L, m.info().params().get("random_state"));
        assertEquals(82L, m.info().trainingRows().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void anotherCodecIsRefused() {
        byte[] bytes = SklearnFixtures.bytes("protocol2-p2.pkl");
        byte[] rot13 = HostileEstimatorStateTest.splice(bytes, "latin1".getBytes(StandardCharsets.US_ASCII),
                "rot_13".getBytes(StandardCharsets.US_ASCII));
        PickleException e = refused(rot13);
        assertTrue(e.getMessage().matches("x\\.pkl: byte \\d+: refused: _codecs\\.encode with codec 'rot_13'.*"),
                e.getMessage());
    }

    @Test
    void textThatIsNotLatin1OrOtherArgumentsAreRefused() {
        // U+0100 (UTF-8 c4 80) has no Latin-1 byte
        byte[] wide = pickle('c', "_codecs\nencode\n", 'X', 2, 0, 0, 0, 0xc4, 0x80, 'X', 6, 0, 0, 0, "latin1", 0x86,
                'R', '.');
        assertTrue(refused(wide).getMessage().contains("_codecs.encode text has character U+0100 at 0, not Latin-1"));
        byte[] oneArgument = pickle('c', "_codecs\nencode\n", 'X', 1, 0, 0, 0, "a", 0x85, 'R', '.');
        assertTrue(refused(oneArgument).getMessage().contains(
                "refused: _codecs.encode is accepted only as (text, 'latin1')"));
    }
}
