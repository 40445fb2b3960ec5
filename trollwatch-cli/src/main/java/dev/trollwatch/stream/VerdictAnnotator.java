package dev.trollwatch.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.model.Prediction;

/**
 * Adds optional detail to a verdict before it is published — the hook for {@code --explain}
 * (why the tree decided so), kept out of the stream so the explanation lives with the model.
 */
@FunctionalInterface
public interface VerdictAnnotator {
    /** Adds nothing. */
    VerdictAnnotator NONE = (verdict, comment, features, prediction) -> { };

    /**
     * @param verdict    the verdict being built; add keys to it
     * @param comment    the scored comment
     * @param features   its 20 feature values, in model order
     * @param prediction what the model said
     */
    void annotate(ObjectNode verdict, Comment comment, double[] features, Prediction prediction);
}
