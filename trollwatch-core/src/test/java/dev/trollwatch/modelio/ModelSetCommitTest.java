package dev.trollwatch.modelio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.TrainedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model files and their companions land together, and never mix two saves. */
class ModelSetCommitTest {
    @TempDir
    Path dir;

    private static TrainedModel model(String id) {
        return new TrainedModel(null, null, TestTrees.depthTwo(), TestTrees.info(id));
    }

    @Test
    void aCompanionThatCannotBeWrittenLeavesNoModelFile() throws Exception {
        Path metricsBlocker = Files.createDirectories(dir.resolve("m.metrics.json"));
        assertThrows(IOException.class, () -> ModelFiles.saveAll(dir.resolve("m"), model("x"),
                saved -> List.of(new ModelFiles.Companion(metricsBlocker, "{}".getBytes(StandardCharsets.UTF_8)))));
        assertFalse(Files.exists(dir.resolve("m.json")));
        assertFalse(Files.exists(dir.resolve("m.onnx")));
    }

    @Test
    void aCommitThatFailsHalfwayPutsTheOldSetBack() throws Exception {
        // the first files were moved over the old ones, then deleted on the way back: the old set was gone
        Path json = Files.writeString(dir.resolve("m.json"), "old json");
        Path onnx = Files.writeString(dir.resolve("m.onnx"), "old onnx");
        Path metrics = dir.resolve("m.metrics.json"); // new in this set
        List<dev.trollwatch.io.file.AtomicOutput> outputs = new ArrayList<>();
        for (Path p : List.of(json, metrics, onnx)) {
            dev.trollwatch.io.file.AtomicOutput out = dev.trollwatch.io.file.AtomicOutput.create(p);
            out.stream().write(("new " + p.getFileName()).getBytes(StandardCharsets.UTF_8));
            outputs.add(out);
        }
        outputs.add(failingToCommit(dir.resolve("m.model")));
        try {
            assertThrows(IOException.class, () -> ModelFiles.commitAll(outputs));
        } finally {
            outputs.forEach(dev.trollwatch.io.file.AtomicOutput::close);
        }
        assertEquals("old json", Files.readString(json));
        assertEquals("old onnx", Files.readString(onnx));
        assertFalse(Files.exists(metrics));
        assertFalse(Files.exists(dir.resolve("m.model")));
        try (var left = Files.list(dir)) {
            assertEquals(List.of("m.json", "m.onnx"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aCommitThatSucceedsLeavesTheNewSetAndNoBackups() throws Exception {
        Path json = Files.writeString(dir.resolve("m.json"), "old json");
        dev.trollwatch.io.file.AtomicOutput out = dev.trollwatch.io.file.AtomicOutput.create(json);
        out.stream().write("new json".getBytes(StandardCharsets.UTF_8));
        ModelFiles.commitAll(List.of(out));
        assertEquals("new json", Files.readString(json));
        try (var left = Files.list(dir)) {
            assertEquals(List.of("m.json"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** An output whose temp file has vanished, so that its commit (the move into place) fails. */
    private dev.trollwatch.io.file.AtomicOutput failingToCommit(Path destination) throws IOException {
        dev.trollwatch.io.file.AtomicOutput out = dev.trollwatch.io.file.AtomicOutput.create(destination);
        try (var temps = Files.list(dir)) {
            for (Path t : temps.filter(p -> p.getFileName().toString().startsWith("." + destination.getFileName() + "."))
                    .toList()) {
                Files.delete(t);
            }
        }
        return out;
    }

    @Test
    void theCommitLockLiesBesideTheSetAndIsOneFileWhateverPathLeadsThere() throws Exception {
        // it was /tmp/trollwatch-commit-<hash of the path as text>.lock: another for L/m than for R/m
        Path real = Files.createDirectories(dir.resolve("R"));
        Path alias = Files.createSymbolicLink(dir.resolve("L"), real);
        ModelFiles.saveAll(alias.resolve("m"), model("x"));
        ModelFiles.saveAll(real.resolve("m"), model("y"));
        try (var files = Files.list(real)) {
            assertEquals(List.of(".m.lock", "m.json", "m.onnx"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aModelTooLargeToLoadIsRefusedWhileSavedAndLeavesNoFile() throws Exception {
        // 2^18 leaves: ≈ 140 MB of JSON, over the 64 MiB every loader refuses.
        TrainedModel huge = new TrainedModel(null, null, new DecisionTree(complete(18)), TestTrees.info("big"));
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> ModelFiles.saveAll(dir.resolve("big"), huge));
        assertTrue(e.getMessage().startsWith(dir.resolve("big.json") + ": a tree of 524287 nodes makes a model file over 64 MiB"),
                e.getMessage());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no model file and no temp file remain");
        }
    }

    private static DecisionTree.Node complete(int depth) {
        if (depth == 0) {
            return new DecisionTree.Leaf(new double[] {1, 2, 3}, new long[] {1, 2, 3});
        }
        return new DecisionTree.Split(depth % FeatureSchema.SIZE, depth, complete(depth - 1), complete(depth - 1));
    }

    @Test
    void companionsAreWrittenFromTheSavedModel() throws Exception {
        Path metrics = dir.resolve("m.metrics.json");
        ModelFiles.saveAll(dir.resolve("m"), model("abc"), saved -> List.of(new ModelFiles.Companion(metrics,
                saved.info().modelId().getBytes(StandardCharsets.UTF_8))));
        assertEquals("abc", Files.readString(metrics));
        assertEquals("abc", ModelFiles.load(dir.resolve("m.json")).modelId());
    }

    @Test
    void concurrentSavesToOneBaseNeverMixModelIds() throws Exception {
        Path base = dir.resolve("shared");
        Path metrics = dir.resolve("shared.metrics.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                List<Future<?>> saves = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    String id = "r" + round + "w" + w;
                    saves.add(pool.submit(() -> ModelFiles.saveAll(base, model(id), saved -> List.of(
                            new ModelFiles.Companion(metrics, id.getBytes(StandardCharsets.UTF_8))))));
                }
                for (Future<?> f : saves) {
                    f.get();
                }
                String id = ModelFiles.load(dir.resolve("shared.json")).modelId();
                assertEquals(id, ModelFiles.load(dir.resolve("shared.onnx")).modelId(), "round " + round);
                assertEquals(id, Files.readString(metrics), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
