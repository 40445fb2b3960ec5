package dev.trollwatch.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.io.table.ExplanationJson;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.explain.Explainer;

/** {@code stream --explain}: each verdict carries the same {@code explanation} object as serve's answers. */
public final class ExplanationAnnotator implements VerdictAnnotator {
    private final ScoringModel model;

    public ExplanationAnnotator(ScoringModel model) {
        this.model = model;
    }

    @Override
    public void annotate(ObjectNode verdict, Comment comment, double[] features, Prediction prediction) {
        verdict.set("explanation", ExplanationJson.of(Explainer.explain(model, features)));
    }
}
