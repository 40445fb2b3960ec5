package dev.trollwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trollwatch.TestResources;
import dev.trollwatch.comment.Comment;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Label;
import dev.trollwatch.io.dump.CommentReaders;
import dev.trollwatch.io.dump.DumpFixtures;
import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.dump.OutputFormat;
import dev.trollwatch.io.table.PredictionWriter;
import dev.trollwatch.model.FeaturesCsvFixture;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.SyntheticFeatures;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.modelio.TrainedFixtures;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The predict job tells a features CSV from a dump itself; its caller only says how to open a dump. */
class PredictionRunTest {
    @TempDir
    static Path dir;

    private static ScoringModel model;

    @BeforeAll
    static void loadModel() throws IOException {
        model = ModelFiles.load(TestResources.copy("/modelio/v1/trollwatch.json", dir));
    }

    @Test
    void aFeaturesCsvIsScoredAsItIsAndNoDumpIsOpened() throws IOException {
        List<FeatureRow> rows = SyntheticFeatures.generate(50, 3);
        Path csv = FeaturesCsvFixture.write(dir.resolve("f.csv"), rows);
        Collected out = new Collected();
        try (PredictionRun run = PredictionRun.open(new FileInputStream(csv.toFile()), csv.toString(), true, in -> {
            throw new AssertionError("a features CSV is not a dump");
        }, model, 2)) {
            assertEquals(50, run.run(out, n -> { }));
            assertEquals(0, run.skippedRows());
        }
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(model.score(rows.get(i).values()).probabilities(), out.probabilities.get(i));
        }
    }

    @Test
    void aDumpIsOpenedAtOnceAndFeaturizedAsItIsScored() throws IOException {
        List<Comment> comments = TrainedFixtures.comments(40, 9);
        Path dump = DumpFixtures.writeDump(dir.resolve("d.jsonl"), OutputFormat.JSONL, comments);
        Collected out = new Collected();
        try (PredictionRun run = PredictionRun.open(new FileInputStream(dump.toFile()), dump.toString(), true,
                in -> CommentReaders.open(in, dump.toString(), null, ErrorPolicy.FAIL), model, 2)) {
            assertEquals(40, run.run(out, n -> { }));
        }
        List<FeatureRow> expected = TrainedFixtures.features(comments);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(model.score(expected.get(i).values()).probabilities(), out.probabilities.get(i));
        }
    }

    @Test
    void aDumpThatCannotBeOpenedFailsBeforeAnythingIsScored() {
        byte[] notADump = "no header here\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThrows(RuntimeException.class, () -> PredictionRun.open(new ByteArrayInputStream(notADump), "x.csv", true,
                in -> CommentReaders.open(in, "x.csv", null, ErrorPolicy.FAIL), model, 1));
    }

    @Test
    void aFeaturesCsvIsRefusedWithAHintWhenTheCallerSaysItIsADump() throws IOException {
        // read as a dump (a --format was given), it failed for want of body and recent_comments
        Path csv = FeaturesCsvFixture.write(dir.resolve("g.csv"), SyntheticFeatures.generate(5, 3));
        boolean[] opened = {false};
        try (PredictionRun run = PredictionRun.open(new FileInputStream(csv.toFile()), csv.toString(), false, in -> {
            opened[0] = true;
            throw new IOException("not a dump");
        }, model, 1)) {
            throw new AssertionError("opened " + run);
        } catch (dev.trollwatch.TrollwatchException e) {
            assertEquals(csv + " is a features CSV; --format names a dump format: leave --format out to read it as"
                    + " features", e.getMessage());
        }
        assertEquals(false, opened[0]);
    }

    private static final class Collected implements PredictionWriter {
        final List<double[]> probabilities = new ArrayList<>();

        @Override
        public void write(FeatureRow row, Label predicted, double[] p) {
            probabilities.add(p.clone());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
