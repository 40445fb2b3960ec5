package dev.trollwatch.spark.job;

import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.modelio.JsonModelFile;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.ThresholdPrecision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A model on its way to the executors. The driver loads it with the core's {@link ModelFiles#load}
 * (any of the three files, from any Hadoop file system) and ships the tree as the portable JSON
 * model plus the comparison precision of the file it came from, so an executor scores exactly as
 * {@code trollwatch predict} does with the same file.
 */
public record ShippedModel(String name, byte[] json, ThresholdPrecision precision) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Loads {@code path} on the driver (a remote file is copied to a local temp file first). */
    public static ShippedModel load(Configuration conf, String path) throws IOException {
        ScoringModel model = loadScoring(conf, path);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonModelFile.write(bytes, model.tree(), model.info());
        return new ShippedModel(path, bytes.toByteArray(), model.precision());
    }

    /** A tree the driver holds (e.g. just trained), scored in double precision as its JSON file would be. */
    public static ShippedModel of(String name, DecisionTree tree, ModelInfo info) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            JsonModelFile.write(bytes, tree, info);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ShippedModel(name, bytes.toByteArray(), ThresholdPrecision.DOUBLE);
    }

    private static ScoringModel loadScoring(Configuration conf, String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        if ("file".equals(fs.getUri().getScheme())) {
            return ModelFiles.load(java.nio.file.Path.of(p.toUri().getPath()));
        }
        java.nio.file.Path dir = Files.createTempDirectory("trollwatch-model");
        java.nio.file.Path local = dir.resolve(p.getName());
        try {
            try (var in = fs.open(p)) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            }
            return ModelFiles.load(local);
        } finally {
            Files.deleteIfExists(local);
            Files.deleteIfExists(dir);
        }
    }

    /** The model, decoded (once per partition, on the executor). */
    public ScoringModel open() {
        try {
            ScoringModel m = JsonModelFile.read(new ByteArrayInputStream(json), name);
            return new ScoringModel(m.tree(), m.info(), precision);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model id the files record. */
    public String modelId() {
        return open().modelId();
    }
}
