package dev.trollwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.modelio.ModelFiles;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** stream --explain: the verdict's explanation ends in the class the verdict states, and sums to its probability. */
class ExplanationAnnotatorTest {
    @Test
    void explanationAgreesWithTheVerdict() throws Exception {
        ScoringModel model = ModelFiles.load(Path.of(getClass().getResource("/modelio/v1/trollwatch.json").toURI()));
        ExplanationAnnotator annotator = new ExplanationAnnotator(model);
        Random rnd = new Random(3);
        for (int i = 0; i < 200; i++) {
            double[] x = new double[20];
            for (int f = 0; f < x.length; f++) {
                x[f] = rnd.nextDouble() * (rnd.nextBoolean() ? 1 : 5000);
            }
            Prediction p = model.score(x);
            ObjectNode verdict = JsonNodeFactory.instance.objectNode();
            annotator.annotate(verdict, null, x, p);
            JsonNode e = verdict.get("explanation");
            assertEquals(p.label().text(), e.at("/leaf/class").asText());
            double sum = e.at("/contributions/base_value").asDouble();
            for (JsonNode c : e.at("/contributions/values")) {
                sum += c.asDouble();
            }
            assertEquals(p.probability(p.label()), sum, 1e-9, verdict.toString());
        }
    }
}
