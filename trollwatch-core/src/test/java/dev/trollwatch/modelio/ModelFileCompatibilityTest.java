package dev.trollwatch.modelio;

import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.Prediction;
import dev.trollwatch.model.ScoringModel;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Old model files keep loading: the file set written by format version 1 (kept under
 * src/test/resources/modelio/v1, see {@link ModelFixtureWriter}) loads and scores 1,000 comments
 * exactly as that version did.
 */
class ModelFileCompatibilityTest {
    private static final String MODEL_ID = "619f499525e0d34b";

    private record Expected(double[] features, Label label, double[] probabilities) {
    }

    private static List<Expected> expected;

    @BeforeAll
    static void readExpected() throws Exception {
        expected = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(v1("expected-predictions.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                double[] f = new double[FeatureSchema.SIZE];
                for (int i = 0; i < f.length; i++) {
                    f[i] = Double.parseDouble(r.get(FeatureSchema.NAMES.get(i)));
                }
                double[] p = {Double.parseDouble(r.get("p_bot")), Double.parseDouble(r.get("p_normal")),
                    Double.parseDouble(r.get("p_troll"))};
                expected.add(new Expected(f, Label.parse(r.get("predicted")), p));
            }
        }
        assertEquals(1000, expected.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"trollwatch.model", "trollwatch.json", "trollwatch.onnx"})
    void version1FileLoadsAndScoresAsItDid(String file) throws Exception {
        ScoringModel model = ModelFiles.load(v1(file));
        assertEquals(MODEL_ID, model.modelId());
        double tolerance = file.endsWith(".onnx") ? 1e-6 : 0.0;
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            Prediction p = model.score(e.features());
            assertEquals(e.label(), p.label(), file + " row " + i);
            for (int c = 0; c < 3; c++) {
                assertEquals(e.probabilities()[c], p.probabilities()[c], tolerance, file + " row " + i);
            }
        }
    }

    private static Path v1(String name) throws Exception {
        return Path.of(ModelFileCompatibilityTest.class.getResource("/modelio/v1/" + name).toURI());
    }
}
