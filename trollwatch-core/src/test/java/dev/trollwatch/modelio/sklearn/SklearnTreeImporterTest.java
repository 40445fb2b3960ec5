package dev.trollwatch.modelio.sklearn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SklearnTreeImporterTest {

    static ImportedModel load(String name) throws IOException {
        return SklearnTreeImporter.read(SklearnFixtures.path(name), null, "test", "2026-12-01T00:00:00Z");
    }

    @Test
    void everyFixtureScoresExactlyAsScikitLearnsPredictProba() throws IOException {
        List<SklearnFixtures.Case> cases = SklearnFixtures.cases();
        assertEquals(7, cases.size());
        for (SklearnFixtures.Case c : cases) {
            DecisionTree tree = load(c.pickle()).tree();
            assertEquals(DecisionTree.FeaturePrecision.FLOAT32, tree.precision());
            for (int i = 0; i < c.rows().length; i++) {
                DecisionTree.Leaf leaf = tree.leafFor(c.rows()[i]);
                assertArrayEquals(c.probabilities()[i], leaf.probabilities(), 1e-12, c.pickle() + " row " + i);
                assertEquals(c.predicted()[i], leaf.predicted(), c.pickle() + " row " + i);
            }
        }
    }

    @Test
    void theFloat32BoundaryFixtureNeedsTheFloat32Comparison() throws IOException {
        SklearnFixtures.Case c = SklearnFixtures.cases().stream()
                .filter(x -> x.pickle().startsWith("float32-boundary")).findFirst().orElseThrow();
        DecisionTree tree = load(c.pickle()).tree();
        DecisionTree asDoubles = tree.withPrecision(DecisionTree.FeaturePrecision.FLOAT64);
        int differ = 0;
        for (int i = 0; i < c.rows().length; i++) {
            assertEquals(c.predicted()[i], tree.leafFor(c.rows()[i]).predicted(), "row " + i);
            if (asDoubles.leafFor(c.rows()[i]).predicted() != c.predicted()[i]) {
                differ++;
            }
        }
        // rows just above a float32 threshold, and a float32 midpoint that rounds up
        assertTrue(differ >= 2, "comparing doubles must get some of these rows wrong, got " + differ);
    }

    @Test
    void allLayoutsOfTheSameTreeGiveTheSameModel() throws IOException {
        ImportedModel legacy = load("legacy-0.20-layout-p3.pkl");
        ImportedModel p4 = load("article-params-p4.pkl");
        ImportedModel v14 = load("sklearn-1.4-layout-p4.pkl");
        assertEquals(p4.tree().leaves().size(), legacy.tree().leaves().size());
        for (int i = 0; i < p4.tree().leaves().size(); i++) {
            assertArrayEquals(p4.tree().leaves().get(i).weights(), legacy.tree().leaves().get(i).weights(), 0);
            assertArrayEquals(p4.tree().leaves().get(i).rows(), legacy.tree().leaves().get(i).rows());
            // 1.4 stores fractions: weights come back from fraction x weighted_n_node_samples
            assertArrayEquals(p4.tree().leaves().get(i).weights(), v14.tree().leaves().get(i).weights(), 1e-9);
            assertArrayEquals(p4.tree().leaves().get(i).rows(), v14.tree().leaves().get(i).rows());
        }
        assertEquals("0.20.2", legacy.info().params().get("sklearn_version"));
        assertEquals("1.4.2", v14.info().params().get("sklearn_version"));
        assertEquals("1.2.1", p4.info().params().get("sklearn_version"));
    }

    @Test
    void theModelRecordsWhereItCameFromAndTheEstimatorsParameters() throws IOException {
        ImportedModel m = load("article-params-p4.pkl");
        Map<String, Object> p = m.info().params();
        assertEquals(SklearnTreeImporter.LEARNER, p.get("learner"));
        assertEquals("gini", p.get("criterion"));
        assertEquals(3L, p.get("max_depth"));
        assertEquals(100L, p.get("min_samples_leaf"));
        assertEquals(Map.of("normal", 1L, "bot", 2.5, "troll", 5L), p.get("class_weight"));
        assertEquals("article-params-p4.pkl", p.get("source_file"));
        assertEquals(64, ((String) p.get("source_sha256")).length());
        assertTrue(((String) p.get("leaf_rows")).startsWith("exact"), (String) p.get("leaf_rows"));
        assertEquals(Map.of(Label.BOT, 2.5, Label.NORMAL, 1.0, Label.TROLL, 5.0), m.info().classWeights());
        assertEquals(FeatureSchema.NAMES, m.info().featureNames());
        assertEquals(16, m.info().modelId().length());
        // every leaf keeps >= min_samples_leaf rows, recovered exactly from the weighted counts
        long total = 0;
        for (DecisionTree.Leaf leaf : m.tree().leaves()) {
            long rows = 0;
            for (long r : leaf.rows()) {
                rows += r;
            }
            assertTrue(rows >= 100, "leaf with " + rows + " rows");
            total += rows;
        }
        assertEquals(4000, total, "all training rows reach a leaf");
        long byClass = m.info().trainingRows().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(4000, byClass);
    }

    @Test
    void balancedClassWeightsGiveEstimatedLeafRowsThatStillAddUp() throws IOException {
        ImportedModel m = load("named-features-two-classes-p4.pkl");
        assertEquals("balanced", m.info().params().get("class_weight"));
        assertTrue(((String) m.info().params().get("leaf_rows")).startsWith("estimated"));
        long rows = m.info().trainingRows().values().stream().mapToLong(Long::longValue).sum();
        assertTrue(rows > 3000 && rows < 4000, "two-class training rows " + rows);
    }

    @Test
    void anUnbalancedTreeKeepsItsShape() throws IOException {
        ImportedModel m = load("unbalanced-p5.pkl");
        DecisionTree.Split root = (DecisionTree.Split) m.tree().root();
        assertTrue(root.right() instanceof DecisionTree.Leaf, "a leaf right under the root");
        assertEquals(5, depth(root.left()));
        assertEquals(6, m.tree().depth());
        assertTrue(((String) m.info().params().get("leaf_rows")).startsWith("exact"));
    }

    private static int depth(DecisionTree.Node n) {
        return n instanceof DecisionTree.Split s ? 1 + Math.max(depth(s.left()), depth(s.right())) : 0;
    }

    @Test
    void namedFeaturesAreMappedOntoTrollwatchsAndMissingClassesGetZeroWeight() throws IOException {
        ImportedModel m = load("named-features-two-classes-p4.pkl");
        assertEquals(List.of("recent_avg_diff_ratio", "author_comment_karma", "author_link_karma",
                "recent_avg_responses", "author_verified"), m.info().params().get("pickle_feature_order"));
        DecisionTree.Split root = (DecisionTree.Split) m.tree().root();
        assertEquals(FeatureSchema.indexOf("recent_avg_diff_ratio"), root.feature());
        for (DecisionTree.Leaf leaf : m.tree().leaves()) {
            assertEquals(0.0, leaf.weights()[Label.TROLL.ordinal()]);
        }
    }

    @Test
    void aTreeWithOtherFeaturesNeedsTheirNames() throws IOException {
        // the depth-1 pickle has 20 unnamed features: taking them as the 2019 order works, a wrong count does not
        PickleException e = assertThrows(PickleException.class, () -> SklearnTreeImporter.read(
                SklearnFixtures.path("depth1-p3.pkl"), List.of("no_follow"), "test", "now"));
        assertTrue(e.getMessage().contains("list 1 features, the tree has 20"), e.getMessage());
        PickleException unknown = assertThrows(PickleException.class, () -> SklearnTreeImporter.read(
                SklearnFixtures.path("named-features-two-classes-p4.pkl"),
                List.of("recent_avg_diff_ratio", "karma", "author_link_karma", "recent_avg_responses", "over_18"),
                "test", "now"));
        assertTrue(unknown.getMessage().contains("feature 'karma' (column 1"), unknown.getMessage());
    }

    @Test
    void givenNamesThatReorderThePicklesOwnTrollwatchNamesAreRefused() throws IOException {
        // They silently won: the tree then read each comment's features from the wrong columns.
        List<String> swapped = List.of("recent_avg_responses", "author_comment_karma", "author_link_karma",
                "recent_avg_diff_ratio", "author_verified");
        PickleException e = assertThrows(PickleException.class, () -> SklearnTreeImporter.read(
                SklearnFixtures.path("named-features-two-classes-p4.pkl"), swapped, "test", "now"));
        assertTrue(e.getMessage().contains("disagrees with the pickle's feature_names_in_"), e.getMessage());
        // The same names in the pickle's order are fine.
        ImportedModel same = SklearnTreeImporter.read(SklearnFixtures.path("named-features-two-classes-p4.pkl"),
                List.of("recent_avg_diff_ratio", "author_comment_karma", "author_link_karma", "recent_avg_responses",
                        "author_verified"), "test", "now");
        assertEquals(load("named-features-two-classes-p4.pkl").info().modelId(), same.info().modelId());
    }

    @Test
    void anOutputCountOtherThanTheTreesAndAnEmptyFeatureNameAreToldAsSuch() {
        // said "the tree has 1 outputs", and "the given feature names list 1 features" for --feature-names ""
        byte[] outputs = "n_outputs_".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] good = SklearnFixtures.bytes("article-params-p4.pkl");
        byte[] twoOutputs = HostileEstimatorStateTest.splice(good, concat(outputs, 0x94, 'K', 1), concat(outputs, 0x94, 'K', 2));
        PickleException e = assertThrows(PickleException.class,
                () -> SklearnTreeImporter.decode(twoOutputs, "x.pkl", "x.pkl", null, "t", "now"));
        assertEquals("x.pkl: n_outputs_ is 2 but the tree has 1 output; trollwatch scores one class per comment",
                e.getMessage());
        PickleException empty = assertThrows(PickleException.class, () -> SklearnTreeImporter.read(
                SklearnFixtures.path("depth1-p3.pkl"), List.of(""), "test", "now"));
        assertTrue(empty.getMessage().endsWith("depth1-p3.pkl: the given feature names include an empty name (column 0)"),
                empty.getMessage());
    }

    private static byte[] concat(byte[] head, int... tail) {
        byte[] b = java.util.Arrays.copyOf(head, head.length + tail.length);
        for (int i = 0; i < tail.length; i++) {
            b[head.length + i] = (byte) tail[i];
        }
        return b;
    }

    @Test
    void givenFeatureNamesOverrideTheDefaultOrder() throws IOException {
        List<String> reversed = new java.util.ArrayList<>(SklearnTreeImporter.ORDER_2019);
        java.util.Collections.reverse(reversed);
        ImportedModel m = SklearnTreeImporter.read(SklearnFixtures.path("depth1-p3.pkl"), reversed, "t", "now");
        ImportedModel plain = load("depth1-p3.pkl");
        int f = ((DecisionTree.Split) plain.tree().root()).feature();
        assertEquals(19 - f, ((DecisionTree.Split) m.tree().root()).feature());
    }
}
