package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.model.FeaturesCsvFixture;
import dev.trollwatch.modelio.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --out BASE} writes BASE.model, BASE.json and BASE.onnx side by side, with one model id. */
class TrainModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void trainWritesTheThreeModelFilesWithTheSameModelId() throws Exception {
        Path data = FeaturesCsvFixture.synthetic(dir.resolve("features.csv"), 3000, 3);
        Path base = dir.resolve("out/tw");
        CliRunner.Result r = CliRunner.run("-q", "train", "--in", data.toString(), "--out", base.toString());
        assertEquals(0, r.exitCode(), r.err());

        String id = ModelFiles.load(dir.resolve("out/tw.model")).modelId();
        assertEquals(id, ModelFiles.load(dir.resolve("out/tw.json")).modelId());
        assertEquals(id, ModelFiles.load(dir.resolve("out/tw.onnx")).modelId());
        assertTrue(r.out().contains("(id " + id + ")"), r.out());
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            // the commit lock stays beside the set (deleting it would let two writers hold two locks)
            assertEquals(java.util.List.of(".tw.lock", "tw.json", "tw.metrics.json", "tw.model", "tw.onnx"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "and no temp or backup files");
        }
    }
}
