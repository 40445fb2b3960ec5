package dev.trollwatch.modelio.sklearn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.features.Label;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pickles in {@code src/test/resources/sklearn/} and what scikit-learn itself predicted on them
 * ({@code expected.json}, written by {@code make_fixtures.py}).
 */
public final class SklearnFixtures {
    /** One pickle with rows and scikit-learn's predict_proba on them, columns in trollwatch's class order. */
    public record Case(String pickle, double[][] rows, double[][] probabilities, Label[] predicted) {
    }

    private SklearnFixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(SklearnFixtures.class.getResource("/sklearn/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource /sklearn/" + name, e);
        }
    }

    public static byte[] bytes(String name) {
        try (InputStream in = SklearnFixtures.class.getResourceAsStream("/sklearn/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Case> cases() {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes("expected.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> out = new ArrayList<>();
        for (JsonNode f : root.get("fixtures")) {
            List<Label> classes = new ArrayList<>();
            f.get("classes").forEach(c -> classes.add(Label.parse(c.asText())));
            int n = f.get("rows").size();
            double[][] rows = new double[n][];
            double[][] probs = new double[n][];
            Label[] predicted = new Label[n];
            for (int i = 0; i < n; i++) {
                JsonNode r = f.get("rows").get(i);
                rows[i] = new double[r.size()];
                for (int j = 0; j < r.size(); j++) {
                    rows[i][j] = r.get(j).asDouble();
                }
                probs[i] = new double[Label.values().length];
                JsonNode p = f.get("predict_proba").get(i);
                for (int k = 0; k < classes.size(); k++) {
                    probs[i][classes.get(k).ordinal()] = p.get(k).asDouble();
                }
                predicted[i] = Label.parse(f.get("predict").get(i).asText());
            }
            out.add(new Case(f.get("pickle").asText(), rows, probs, predicted));
        }
        return out;
    }
}
