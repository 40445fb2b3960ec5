package dev.trollwatch.serve;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.Label;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.generate.CommentGenerator;
import dev.trollwatch.generate.GeneratorSettings;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.OutputFormat;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.modelio.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The model, featurizer and requests the server tests use: the real featurizer and a trained model. */
final class ServeFixtures {
    static final Featurizer FEATURIZER = new Featurizer(PatternSentiment.shared());

    private ServeFixtures() {
    }

    static Function<Comment, double[]> featurizer() {
        return c -> FEATURIZER.featurize(c).values();
    }

    /** The model file set of format version 1, trained on generated comments (see ModelFixtureWriter). */
    static Path modelFile(String name) {
        try {
            return Path.of(ServeFixtures.class.getResource("/modelio/v1/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScoringModel model() {
        try {
            return ModelFiles.load(modelFile("trollwatch.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article's AutoModerator request, with 20 real-looking recent comments (as a string). */
    static String autoModeratorRequest() {
        try (InputStream in = ServeFixtures.class.getResourceAsStream("/serve/automoderator-request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generated comment the model classifies as {@code label}, as a JSON Lines row (the API's body). */
    static String requestPredictedAs(Label label) {
        ScoringModel model = model();
        CommentGenerator g = new CommentGenerator(new GeneratorSettings(5000, 99, 0.1, 0.05));
        while (g.hasNext()) {
            Comment c = g.next();
            if (model.score(FEATURIZER.featurize(c).values()).label() == label) {
                try {
                    return new String(DumpFixtures.dumpBytes(OutputFormat.JSONL, List.of(c)), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no generated comment is predicted " + label);
    }
}
