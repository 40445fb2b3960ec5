package dev.trollwatch.modelio;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.ThresholdPrecision;
import dev.trollwatch.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyFileRecordsTheSameModelIdComputedWhenTrainingSetNone() throws Exception {
        ModelInfo noId = TestTrees.info(null);
        TrainedModel saved = ModelFiles.saveAll(dir.resolve("m"), new TrainedModel(null, null, TestTrees.depthTwo(), noId));

        String id = saved.info().modelId();
        assertEquals(dev.trollwatch.model.ModelIdentity.modelId(TestTrees.depthTwo(), noId.params()), id);
        assertEquals(16, id.length());
        assertEquals(id, ModelFiles.load(dir.resolve("m.json")).modelId());
        assertEquals(id, ModelFiles.load(dir.resolve("m.onnx")).modelId());
    }

    @Test
    void modelIdSetByTrainingIsKept() throws Exception {
        ModelFiles.saveAll(dir.resolve("m"), new TrainedModel(null, null, TestTrees.depthTwo(), TestTrees.info("given")));
        assertEquals("given", ModelFiles.load(dir.resolve("m.onnx")).modelId());
    }

    @Test
    void whenOneFileCannotBeWrittenNoneOfTheNewFilesRemains() throws Exception {
        Path blocker = Files.createDirectories(dir.resolve("m.onnx"));
        Files.writeString(blocker.resolve("keep"), "a non-empty directory where m.onnx should go");

        assertThrows(IOException.class, () -> ModelFiles.saveAll(dir.resolve("m"),
                new TrainedModel(null, null, TestTrees.depthTwo(), TestTrees.info("x"))));

        assertFalse(Files.exists(dir.resolve("m.json")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the blocking directory is left, no temp files");
        }
    }

    @Test
    void loadPicksTheReaderByExtension() throws Exception {
        ModelFiles.saveAll(dir.resolve("m"), new TrainedModel(null, null, TestTrees.depthTwo(), TestTrees.info("x")));
        assertEquals(ThresholdPrecision.DOUBLE, ModelFiles.load(dir.resolve("m.json")).precision());
        assertEquals(ThresholdPrecision.FLOAT32, ModelFiles.load(dir.resolve("m.onnx")).precision());
        assertEquals(ThresholdPrecision.DOUBLE, ModelFiles.load(dir.resolve("m")).precision(), "a base loads its .json");
    }

    @Test
    void oversizedFileIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("big.onnx");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ModelFiles.MAX_MODEL_BYTES + 1); // sparse: no 64 MiB written
        }
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> ModelFiles.load(big));
        assertTrue(e.getMessage().startsWith(big + ": not a trollwatch model file"), e.getMessage());
    }

    @Test
    void unknownExtensionIsRefusedNamingTheFile() {
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> ModelFiles.load(dir.resolve("m.pkl")));
        assertTrue(e.getMessage().contains("m.pkl"), e.getMessage());
        assertTrue(e.getMessage().contains(".model, .json or .onnx"), e.getMessage());
    }
}
