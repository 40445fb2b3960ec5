package dev.trollwatch.serve;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.io.table.ExplanationJson;
import dev.trollwatch.model.explain.Explainer;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.pipeline.PredictionAnswer;
import java.util.function.Function;

/**
 * Scores one comment and words the answer as the 2019 API did ({@link PredictionAnswer}).
 */
final class Answers {
    private final ScoringModel model;
    private final Function<Comment, double[]> featurizer;

    Answers(ScoringModel model, Function<Comment, double[]> featurizer) {
        this.model = model;
        this.featurizer = featurizer;
    }

    /** With {@code explain}, the answer also carries {@code explanation} ({@link ExplanationJson}). */
    ObjectNode answer(Comment comment, boolean explain) {
        double[] features = featurizer.apply(comment);
        Prediction p = model.score(features);
        ObjectNode out = PredictionAnswer.writeTo(JsonNodeFactory.instance.objectNode(), p);
        if (explain) {
            out.set("explanation", ExplanationJson.of(Explainer.explain(model, features)));
        }
        return out;
    }
}
