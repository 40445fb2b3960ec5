package dev.trollwatch.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.TestResources;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.io.table.FeaturesCsvReader;
import dev.trollwatch.model.Evaluator;
import dev.trollwatch.model.ModelIdentity;
import dev.trollwatch.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A .model file written by trollwatch 0.1.0 (format_version 1) must keep loading: renaming or
 * changing the serialized classes (DepthCappedJ48, DepthCappedTree, RowAwareModelSelection,
 * RowAwareNumericSplit) breaks users' saved models. Made with
 * {@code train --in <SyntheticFeatures.generate(3000, 42) as CSV> --out v0.1.0-synthetic}; its
 * confusion matrix on the golden features file was recorded then.
 */
class StoredModelCompatibilityTest {
    @TempDir
    Path dir;

    @Test
    void modelFromReleaseZeroOneLoadsAndPredictsAsWhenSaved() throws IOException {
        Path p = TestResources.copy("/models/v0.1.0-synthetic.model", dir);
        TrainedModel m = WekaModelFile.load(p);
        assertEquals(m.info().modelId(), ModelIdentity.modelId(m.tree(), m.info().params()),
                "the tree and parameters read back hash to the id recorded at training");
        assertTrue(m.tree().depth() <= 3);
        assertEquals("25905c038349e4d1", m.info().modelId());
        Path golden = TestResources.copy("/features/parity-sample.features.csv.gz", dir);
        List<FeatureRow> rows = FeaturesCsvReader.readAll(golden);
        long[][] expected = {{0, 169, 31}, {444, 1147, 103}, {0, 56, 44}};
        assertArrayEquals(expected, Evaluator.evaluate(m.tree(), rows).counts());
    }
}
