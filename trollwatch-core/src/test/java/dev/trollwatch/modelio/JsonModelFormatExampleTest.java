package dev.trollwatch.modelio;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The worked example of docs/model-format.md scores as the document says. */
class JsonModelFormatExampleTest {

    private static ScoringModel example() throws Exception {
        try (InputStream in = JsonModelFormatExampleTest.class.getResourceAsStream("/modelio/example-depth2.json")) {
            return JsonModelFile.read(in, "example-depth2.json");
        }
    }

    @Test
    void documentedTrollExampleEndsInLeafThree() throws Exception {
        double[] f = new double[FeatureSchema.SIZE];
        f[FeatureSchema.indexOf("recent_max_diff_ratio")] = 0.35;
        f[FeatureSchema.indexOf("recent_percent_neg_score")] = 40;
        Prediction p = example().score(f);
        assertEquals(Label.TROLL, p.label());
        assertArrayEquals(new double[] {12.5 / 362.5, 100 / 362.5, 250 / 362.5}, p.probabilities(), 1e-15);
    }

    @Test
    void documentedBotExampleEndsInLeafSix() throws Exception {
        double[] f = new double[FeatureSchema.SIZE];
        f[FeatureSchema.indexOf("recent_max_diff_ratio")] = 0.97;
        f[FeatureSchema.indexOf("author_comment_karma")] = 445850;
        Prediction p = example().score(f);
        assertEquals(Label.BOT, p.label());
        assertEquals(1500 / 1510.0, p.probability(Label.BOT), 1e-15);
    }

    @Test
    void valueEqualToTheThresholdGoesLeft() throws Exception {
        double[] f = new double[FeatureSchema.SIZE];
        f[FeatureSchema.indexOf("recent_max_diff_ratio")] = 0.8;
        assertEquals(Label.NORMAL, example().score(f).label());
    }

    @Test
    void exampleFileIsWhatTheWriterProducesForTheExampleTree() throws Exception {
        ScoringModel m = example();
        assertEquals("99a9b838d1aa2303", m.modelId());
        JsonModelFileTest.assertLeavesEqual(TestTrees.depthTwo(), m.tree());
        assertEquals(TestTrees.depthTwo().root().toString().replaceAll("@[0-9a-f]+", ""),
                m.tree().root().toString().replaceAll("@[0-9a-f]+", ""));
    }
}
