package dev.trollwatch.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.Prediction;

/**
 * A prediction as the 2019 API answered it, shared by every JSON answer trollwatch gives (the HTTP
 * API and the Kafka verdicts): {@code "prediction": "possible bot"} (or {@code "normal user"},
 * {@code "possible troll"}), then {@code "class"} and {@code "probabilities"} by class name.
 */
public final class PredictionAnswer {
    private PredictionAnswer() {
    }

    /** Adds {@code prediction}, {@code class} and {@code probabilities} to {@code out}. */
    public static ObjectNode writeTo(ObjectNode out, Prediction p) {
        out.put("prediction", words(p.label()));
        out.put("class", p.label().text());
        ObjectNode probs = out.putObject("probabilities");
        for (Label l : Label.values()) {
            probs.put(l.text(), p.probability(l));
        }
        return out;
    }

    /** The 2019 API's words for a class. */
    public static String words(Label label) {
        return switch (label) {
            case BOT -> "possible bot";
            case TROLL -> "possible troll";
            case NORMAL -> "normal user";
        };
    }
}
