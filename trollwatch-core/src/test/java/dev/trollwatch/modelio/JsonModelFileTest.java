package dev.trollwatch.modelio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.ThresholdPrecision;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonModelFileTest {
    @TempDir
    Path dir;

    @Test
    void writtenModelReadsBackWithTheSameTreeAndMetadata() throws Exception {
        Path file = dir.resolve("m.json");
        DecisionTree tree = TestTrees.depthTwo();
        SavedModels.save(file, out -> JsonModelFile.write(out, tree, TestTrees.info("0123456789abcdef")));

        ScoringModel back = JsonModelFile.read(file);

        assertEquals(tree.toString().replaceAll("@[0-9a-f]+", ""), back.tree().toString().replaceAll("@[0-9a-f]+", ""));
        assertLeavesEqual(tree, back.tree());
        assertEquals("0123456789abcdef", back.modelId());
        assertEquals(TestTrees.info("x").params(), back.info().params());
        assertEquals(TestTrees.info("x").classWeights(), back.info().classWeights());
        assertEquals(TestTrees.info("x").trainingRows(), back.info().trainingRows());
        assertEquals(FeatureSchema.NAMES, back.info().featureNames());
        assertEquals(ThresholdPrecision.DOUBLE, back.precision());
    }

    @Test
    void readModelScoresEveryVectorLikeTheTreeItWasWrittenFrom() throws Exception {
        Random rnd = new Random(7);
        double[][] rows = TestTrees.randomRows(rnd, 2000);
        DecisionTree tree = TestTrees.random(rnd, 3, rows);
        Path file = dir.resolve("r.json");
        SavedModels.save(file, out -> JsonModelFile.write(out, tree, TestTrees.info("r")));
        ScoringModel back = JsonModelFile.read(file);
        for (double[] row : rows) {
            DecisionTree.Leaf expected = tree.leafFor(row);
            Prediction p = back.score(row);
            assertEquals(expected.predicted(), p.label());
            assertArrayEquals(expected.probabilities(), p.probabilities(), 0.0);
        }
    }

    @Test
    void fileListsFeaturesWithDefinitionsAndLeavesWithProbabilities() throws Exception {
        JsonNode json = write(TestTrees.depthTwo());
        assertEquals(20, json.get("features").size());
        assertEquals("no_follow", json.get("features").get(0).get("name").asText());
        assertTrue(json.get("features").get(0).get("definition").asText().contains("no_follow"));
        JsonNode leaf = json.get("tree").get("nodes").get(2);
        assertEquals("normal", leaf.get("class").asText());
        assertEquals(900.0 / 980.0, leaf.get("probabilities").get("normal").asDouble(), 1e-15);
        assertEquals(900, leaf.get("rows").get("normal").asLong());
    }

    @Test
    void newerFormatVersionIsRefusedNamingTheField() {
        assertRefused(j -> j.put("format_version", ModelMetadata.FORMAT_VERSION + 1), "format_version");
    }

    @Test
    void anUnknownFeaturePrecisionIsRefusedNamingTheField() {
        assertRefused(j -> ((ObjectNode) j.get("tree")).put("feature_precision", "float16"), "field tree.feature_precision");
    }

    @Test
    void aFloat32TreeRoundTripsWithItsPrecision() throws Exception {
        DecisionTree tree = TestTrees.depthTwo().withPrecision(DecisionTree.FeaturePrecision.FLOAT32);
        Path file = dir.resolve("f32.json");
        SavedModels.save(file, out -> JsonModelFile.write(out, tree, TestTrees.info("id")));
        ScoringModel back = JsonModelFile.read(file);
        assertEquals(DecisionTree.FeaturePrecision.FLOAT32, back.tree().precision());
        // 0.8 is the root threshold: float32(0.8) = 0.800000011920929 > 0.8 goes right, a double 0.8 left
        double[] row = new double[FeatureSchema.SIZE];
        row[TestTrees.MAX_DIFF] = 0.8;
        assertNotEquals(TestTrees.depthTwo().leafFor(row).predicted(), back.score(row).label());
    }

    @Test
    void otherFeaturizerVersionIsRefused() {
        assertRefused(j -> j.put("featurizer_version", FeatureSchema.FEATURIZER_VERSION + 1), "featurizer_version");
    }

    @Test
    void reorderedFeatureListIsRefused() {
        assertRefused(j -> {
            ArrayNode f = (ArrayNode) j.get("features");
            JsonNode first = f.remove(0);
            f.add(first);
        }, "features");
    }

    @Test
    void splitPointingToAMissingNodeIsRefused() {
        assertRefused(j -> ((ObjectNode) j.get("tree").get("nodes").get(0)).put("left", 99), "does not exist");
    }

    @Test
    void treeWithACycleIsRefused() {
        assertRefused(j -> ((ObjectNode) j.get("tree").get("nodes").get(1)).put("left", 0), "reached twice");
    }

    @Test
    void featureIndexThatDisagreesWithTheNameIsRefused() {
        assertRefused(j -> ((ObjectNode) j.get("tree").get("nodes").get(0)).put("feature_index", 3), "tree.nodes[0]");
    }

    @Test
    void probabilitiesThatDisagreeWithTheWeightsAreRefused() {
        assertRefused(j -> ((ObjectNode) j.get("tree").get("nodes").get(2).get("probabilities")).put("bot", 0.5),
                "probabilities.bot");
    }

    // Found by probing: these edits loaded, and `serve` answered with the edited file's claims.
    @Test
    void aLeafClassThatIsNotTheClassOfItsWeightsIsRefused() {
        assertRefused(j -> {
            ObjectNode leaf = (ObjectNode) j.get("tree").get("nodes").get(2);
            String other = leaf.get("class").asText().equals("troll") ? "bot" : "troll";
            leaf.put("class", other);
        }, "tree.nodes[2] (id 2).class: \"");
        assertRefused(j -> ((ObjectNode) j.get("tree").get("nodes").get(2)).put("class", "spam"),
                "\"spam\" is not the class of the leaf's weights");
    }

    @Test
    void aTreeSummaryThatDisagreesWithTheTreeIsRefused() {
        assertRefused(j -> ((ObjectNode) j.get("tree_summary")).put("depth", 99), "tree_summary.depth: says 99, the tree has 2");
        assertRefused(j -> ((ObjectNode) j.get("tree_summary")).put("leaves", 1), "tree_summary.leaves");
    }

    @Test
    void aClassWeightThatIsNotPositiveIsRefused() {
        assertRefused(j -> ((ObjectNode) j.get("class_weights")).put("bot", -1), "class_weights.bot: expected a weight > 0");
        assertRefused(j -> ((ObjectNode) j.get("class_weights")).put("troll", 0), "class_weights.troll");
    }

    @Test
    void aLeafFlagThatIsNotABooleanOrALeafWithChildrenIsRefused() {
        assertRefused(j -> ((ObjectNode) j.get("tree").get("nodes").get(2)).put("leaf", "true"),
                "tree.nodes[2] (id 2).leaf: expected true or false");
        assertRefused(j -> ((ObjectNode) j.get("tree").get("nodes").get(2)).put("left", 1), "a leaf has no children");
    }

    @Test
    void float32ComparisonsInAVersion1FileAndNegativeTrainingRowsAreRefused() {
        assertRefused(j -> ((ObjectNode) j.get("tree")).put("feature_precision", "float32"),
                "format_version: tree.feature_precision \"float32\" needs format version 2");
        assertRefused(j -> ((ObjectNode) j.get("training_rows")).put("bot", -3), "training_rows.bot");
    }

    @Test
    void dataAfterTheModelIsRefused() {
        String text = write(TestTrees.depthTwo()).toString() + " {}";
        MalformedModelException e = assertThrows(MalformedModelException.class, () -> JsonModelFile.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "two.json"));
        assertTrue(e.getMessage().startsWith("two.json: not valid JSON"), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        String text = write(TestTrees.depthTwo()).toString().replaceFirst("\"format_version\":", "\"format_version\":1,\"format_version\":");
        MalformedModelException e = assertThrows(MalformedModelException.class, () -> JsonModelFile.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "dup.json"));
        assertTrue(e.getMessage().startsWith("dup.json: not valid JSON at line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("Duplicate field 'format_version'"), e.getMessage());
    }

    @Test
    void missingThresholdIsRefusedNamingTheNode() {
        assertRefused(j -> ((ObjectNode) j.get("tree").get("nodes").get(0)).remove("threshold"),
                "tree.nodes[0] (id 0).threshold");
    }

    @Test
    void notJsonIsRefusedWithLineAndColumn() {
        MalformedModelException e = assertThrows(MalformedModelException.class, () -> JsonModelFile.read(
                new ByteArrayInputStream("{\n  \"format\": ]".getBytes(StandardCharsets.UTF_8)), "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: not valid JSON at line 2"), e.getMessage());
    }

    @Test
    void aNumberOverTheParsersLimitIsAMalformedModelNotACrash() {
        // Jackson's limits throw without a location: reading it used to be a NullPointerException (exit 4).
        String text = "{\"format_version\": " + "9".repeat(5000) + "}";
        MalformedModelException e = assertThrows(MalformedModelException.class, () -> JsonModelFile.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "long.json"));
        assertEquals("long.json: not valid JSON: Number value length (5000) exceeds the maximum allowed (1000)",
                e.getMessage());
    }

    private void assertRefused(Consumer<ObjectNode> change, String expectedInMessage) {
        ObjectNode json = write(TestTrees.depthTwo());
        change.accept(json);
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        MalformedModelException e = assertThrows(MalformedModelException.class,
                () -> JsonModelFile.read(new ByteArrayInputStream(bytes), "m.json"));
        assertTrue(e.getMessage().startsWith("m.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    private ObjectNode write(DecisionTree tree) {
        try {
            Path file = dir.resolve("w.json");
            SavedModels.save(file, out -> JsonModelFile.write(out, tree, TestTrees.info("id")));
            return (ObjectNode) JsonModelFile.MAPPER.readTree(Files.readString(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertLeavesEqual(DecisionTree a, DecisionTree b) {
        assertEquals(a.leaves().size(), b.leaves().size());
        for (int i = 0; i < a.leaves().size(); i++) {
            assertArrayEquals(a.leaves().get(i).weights(), b.leaves().get(i).weights(), 0.0);
            assertArrayEquals(a.leaves().get(i).rows(), b.leaves().get(i).rows());
            assertEquals(a.leaves().get(i).predicted(), b.leaves().get(i).predicted());
        }
        assertEquals(Label.values().length, a.leaves().get(0).weights().length);
    }
}
