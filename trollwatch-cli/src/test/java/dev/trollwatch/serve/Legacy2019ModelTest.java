package dev.trollwatch.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.TrainedModel;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.modelio.sklearn.ImportedModel;
import dev.trollwatch.modelio.sklearn.SklearnTreeImporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real 2019 model (devspotlight/Reddit-Dashboard-ML, lib/models/DecisionTreeClassifier.pkl),
 * which has no licence and so is not in this repository: these tests run only when its path is
 * given with {@code -Dtrollwatch.sklearn2019=PATH} or {@code TROLLWATCH_SKLEARN_2019=PATH}, and are
 * skipped otherwise (also in CI, which cannot have the file).
 */
class Legacy2019ModelTest {
    private static ImportedModel imported;

    @TempDir
    Path dir;

    @BeforeAll
    static void importIt() throws Exception {
        String path = System.getProperty("trollwatch.sklearn2019", System.getenv("TROLLWATCH_SKLEARN_2019"));
        assumeTrue(path != null && Files.isRegularFile(Path.of(path)),
                "the 2019 pickle is not committed (no licence): set -Dtrollwatch.sklearn2019=PATH to run these tests");
        imported = SklearnTreeImporter.read(Path.of(path), null, "test", "2026-12-01T00:00:00Z");
    }

    /** One node of the table in the 2019 model's description, in pre-order. */
    private record Expected(String feature, double threshold, double[] weights, long rows) {
        static Expected split(String feature, double threshold) {
            return new Expected(feature, threshold, null, 0);
        }

        static Expected leaf(double bot, double normal, double troll, long rows) {
            return new Expected(null, 0, new double[] {bot, normal, troll}, rows);
        }
    }

    @Test
    void theTreeIsTheOneDescribedNodeByNode() {
        List<Expected> table = List.of(
                Expected.split("recent_avg_diff_ratio", 0.29743277),
                Expected.split("author_comment_karma", 3275.5),
                Expected.split("author_link_karma", 365.5),
                Expected.leaf(1405, 8595, 5245, 10_206),
                Expected.leaf(197.5, 2209, 16950, 5_678),
                Expected.split("recent_avg_responses", 20.736111),
                Expected.leaf(3000, 264, 40, 1_472),
                Expected.leaf(2307.5, 39243, 825, 40_331),
                Expected.split("recent_num_comments", 6.5),
                Expected.leaf(145, 25, 205, 124),
                Expected.split("author_verified", 0.5),
                Expected.leaf(17202.5, 31, 0, 6_912),
                Expected.leaf(1297.5, 181, 110, 722));
        List<DecisionTree.Node> nodes = new ArrayList<>();
        preOrder(imported.tree().root(), nodes);
        assertEquals(table.size(), nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Expected e = table.get(i);
            if (e.feature() != null) {
                DecisionTree.Split s = (DecisionTree.Split) nodes.get(i);
                assertEquals(e.feature(), FeatureSchema.NAMES.get(s.feature()), "node " + i);
                assertEquals(e.threshold(), s.threshold(), 1e-7 * Math.abs(e.threshold()), "node " + i);
            } else {
                DecisionTree.Leaf l = (DecisionTree.Leaf) nodes.get(i);
                assertArrayEquals(e.weights(), l.weights(), 0, "node " + i);
                assertEquals(e.rows(), l.rows()[0] + l.rows()[1] + l.rows()[2], "node " + i);
            }
        }
        assertEquals("0.20.2", imported.info().params().get("sklearn_version"));
        assertEquals(100L, imported.info().params().get("min_samples_leaf"));
        assertEquals(65_445L, imported.info().trainingRows().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(10_222L, imported.info().trainingRows().get(Label.BOT));
        assertEquals(4_675L, imported.info().trainingRows().get(Label.TROLL));
    }

    private static void preOrder(DecisionTree.Node n, List<DecisionTree.Node> out) {
        out.add(n);
        if (n instanceof DecisionTree.Split s) {
            preOrder(s.left(), out);
            preOrder(s.right(), out);
        }
    }

    @Test
    void itScoresTheArticlesAutoModeratorRequestAsABotFromJsonAndOnnx() throws Exception {
        TrainedModel model = new TrainedModel(null, null, imported.tree(), imported.info());
        ModelFiles.saveAll(dir.resolve("legacy"), model);
        double[] features = ServeFixtures.FEATURIZER.featurize(
                CommentJson.parse(new ObjectMapper().readTree(ServeFixtures.autoModeratorRequest()))).values();
        for (String file : List.of("legacy.json", "legacy.onnx")) {
            ScoringModel m = ModelFiles.load(dir.resolve(file));
            assertEquals(Label.BOT, m.score(features).label(), file);
            // and through the real scoring server, as the 2019 API's clients call it
            ScoringServer server = ScoringServer.start(m, ServeFixtures.featurizer(),
                    new ServeOptions("127.0.0.1", 0, 2, 1 << 20, 10, Duration.ofSeconds(5)));
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString(ServeFixtures.autoModeratorRequest())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("possible bot", new ObjectMapper().readTree(r.body()).get("prediction").asText(), file);
            } finally {
                server.stop();
            }
        }
    }
}
