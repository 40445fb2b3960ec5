package dev.trollwatch.serve;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.modelio.ScoringModel;
import dev.trollwatch.modelio.ThresholdPrecision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** The model, featurizer and requests the server tests use. */
final class ServeFixtures {
    private ServeFixtures() {
    }

    /** Base features and the recent-comment count (provisional until the featurizer lands). */
    static Function<Comment, double[]> featurizer() {
        return c -> {
            double[] v = new double[FeatureSchema.SIZE];
            v[0] = flag(c.noFollow());
            v[1] = flag(c.authorVerified());
            v[2] = c.authorCommentKarma() == null ? 0 : c.authorCommentKarma();
            v[3] = c.authorLinkKarma() == null ? 0 : c.authorLinkKarma();
            v[4] = flag(c.over18());
            v[5] = flag(c.isSubmitter());
            v[6] = c.recentComments().size();
            return v;
        };
    }

    private static double flag(Boolean b) {
        return Boolean.TRUE.equals(b) ? 1 : 0;
    }

    /** karma > 100000 → bot; otherwise no_follow → troll, else normal. */
    static ScoringModel model() {
        DecisionTree tree = new DecisionTree(new DecisionTree.Split(2, 100000.0,
                new DecisionTree.Split(0, 0.5,
                        new DecisionTree.Leaf(new double[] {1, 80, 5}, new long[] {1, 80, 1}),
                        new DecisionTree.Leaf(new double[] {2, 10, 40}, new long[] {2, 10, 8})),
                new DecisionTree.Leaf(new double[] {90, 5, 0}, new long[] {36, 5, 0})));
        Map<Label, Double> w = new EnumMap<>(Label.class);
        w.put(Label.BOT, 2.5);
        w.put(Label.NORMAL, 1.0);
        w.put(Label.TROLL, 5.0);
        ModelInfo info = new ModelInfo("5e77e5e77e5e77e5", "0.1.0", FeatureSchema.FEATURIZER_VERSION,
                FeatureSchema.NAMES, w, Map.of("max_depth", 3), Map.of(), null, Map.of(), "2026-11-28T00:00:00Z");
        return new ScoringModel(tree, info, ThresholdPrecision.DOUBLE);
    }

    /** The article's AutoModerator request, with 20 real-looking recent comments (as a string). */
    static String autoModeratorRequest() {
        try (InputStream in = ServeFixtures.class.getResourceAsStream("/serve/automoderator-request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
