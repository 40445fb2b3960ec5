package dev.trollwatch.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.features.Featurizer;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.pipeline.PredictionAnswer;

/**
 * Scores a comment and writes its verdict: the comment's identity ({@code author}, {@code link_id},
 * {@code created_utc}), the 2019 API's answer ({@code prediction}, {@code class},
 * {@code probabilities}), the {@code model_id}, and where the comment came from ({@code source}:
 * topic, partition, offset). Thread-safe.
 */
final class Verdicts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScoringModel model;
    private final Featurizer featurizer;
    private final VerdictAnnotator annotator;

    Verdicts(ScoringModel model, Featurizer featurizer, VerdictAnnotator annotator) {
        this.model = model;
        this.featurizer = featurizer;
        this.annotator = annotator;
    }

    /** The verdict on one comment, as UTF-8 JSON. */
    byte[] verdict(Comment comment, String topic, int partition, long offset) {
        double[] features = featurizer.featurize(comment).values();
        Prediction p = model.score(features);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("author", comment.author());
        out.put("link_id", comment.linkId());
        putNumber(out, "created_utc", comment.createdUtc());
        PredictionAnswer.writeTo(out, p);
        out.put("model_id", model.modelId());
        ObjectNode source = out.putObject("source");
        source.put("topic", topic);
        source.put("partition", partition);
        source.put("offset", offset);
        annotator.annotate(out, comment, features, p);
        try {
            return JSON.writeValueAsBytes(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Whole numbers (Reddit's unix seconds) as integers, not {@code 1.55E9}. */
    private static void putNumber(ObjectNode out, String key, Double v) {
        if (v == null) {
            out.putNull(key);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.put(key, v.longValue());
        } else {
            out.put(key, v);
        }
    }
}
