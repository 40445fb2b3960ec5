package dev.trollwatch.modelio;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.generate.CommentGenerator;
import dev.trollwatch.generate.GeneratorSettings;
import dev.trollwatch.model.DataPreparation;
import dev.trollwatch.model.LearnerParams;
import dev.trollwatch.model.Provenance;
import dev.trollwatch.model.SplitPlan;
import dev.trollwatch.model.TrainedModel;
import dev.trollwatch.model.TrainingOptions;
import dev.trollwatch.model.TrainingRun;
import java.util.ArrayList;
import java.util.List;

/** Models trained the way {@code trollwatch train} does, on generated comments, for model-file tests. */
public final class TrainedFixtures {
    private TrainedFixtures() {
    }

    /** The shared featurizer (the real sentiment lexicon). */
    public static Featurizer featurizer() {
        return new Featurizer(PatternSentiment.shared());
    }

    /** {@code n} generated comments (10 % bots, 5 % trolls) from this seed. */
    public static List<Comment> comments(long n, long seed) {
        List<Comment> out = new ArrayList<>();
        new CommentGenerator(new GeneratorSettings(n, seed, GeneratorSettings.DEFAULT_BOT_FRACTION,
                GeneratorSettings.DEFAULT_TROLL_FRACTION)).forEachRemaining(out::add);
        return out;
    }

    public static List<FeatureRow> features(List<Comment> comments) {
        Featurizer f = featurizer();
        List<FeatureRow> rows = new ArrayList<>(comments.size());
        for (Comment c : comments) {
            rows.add(f.featurize(c));
        }
        return rows;
    }

    /** Trains with the article's settings (depth 3, 100 rows a leaf, weights 1/2.5/5), 30 % held out. */
    public static TrainedModel train(List<FeatureRow> rows, String dataSha256) {
        TrainingOptions options = new TrainingOptions(LearnerParams.DEFAULT, new SplitPlan.HoldOut(0.3, true), 16,
                true, 0);
        return TrainingRun.run(DataPreparation.prepare(rows, true), options,
                new Provenance("0.1.0", dataSha256, "2026-11-28T00:00:00Z")).model();
    }
}
