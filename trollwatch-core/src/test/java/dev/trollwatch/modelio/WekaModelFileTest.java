package dev.trollwatch.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.LearnerParams;
import dev.trollwatch.model.ModelIdentity;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.SyntheticFeatures;
import dev.trollwatch.model.TrainedModel;
import dev.trollwatch.model.Trainer;
import dev.trollwatch.model.WekaData;
import dev.trollwatch.model.WekaTreeConverter;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.example.canary.Canary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;

class WekaModelFileTest {
    @TempDir
    Path dir;

    private static List<FeatureRow> rows;
    private static TrainedModel model;

    @BeforeAll
    static void train() {
        rows = SyntheticFeatures.generate(3000, 5);
        Trainer.Result r = Trainer.train(rows, LearnerParams.DEFAULT);
        ModelInfo info = new ModelInfo(ModelIdentity.modelId(r.tree(), Map.of("max_depth", 3)), "0.1.0",
                FeatureSchema.FEATURIZER_VERSION, FeatureSchema.NAMES, LearnerParams.DEFAULT.weights().asMap(),
                Map.of("max_depth", 3, "min_leaf", 100), Map.of("accuracy", 0.9), "ab".repeat(32),
                Trainer.countByClass(rows), "2026-01-01T00:00:00Z");
        model = new TrainedModel(r.classifier(), r.header(), r.tree(), info);
    }

    @Test
    void roundTripKeepsTreeLeafRowsInfoAndPredictions() throws Exception {
        for (String name : new String[] {"m.model", "m.model.gz"}) {
            Path p = dir.resolve(name);
            SavedModels.save(p, out -> WekaModelFile.write(out, model));
            TrainedModel back = WekaModelFile.load(p);
            assertEquals(model.info(), back.info());
            assertEquals(ModelIdentity.modelId(model.tree(), Map.of("max_depth", 3)),
                    ModelIdentity.modelId(back.tree(), Map.of("max_depth", 3)));
            List<long[]> a = WekaTreeConverter.leafRows(model.tree());
            List<long[]> b = WekaTreeConverter.leafRows(back.tree());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i), b.get(i));
            }
            Instances data = WekaData.weighted(rows, LearnerParams.DEFAULT.weights());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(model.classifier().classifyInstance(data.instance(i)), back.classifier().classifyInstance(data.instance(i)));
                assertEquals(model.tree().leafFor(rows.get(i).values()).predicted(), back.tree().leafFor(rows.get(i).values()).predicted());
            }
        }
    }

    @Test
    void wekaCanReadItClassifierThenHeader() throws Exception {
        Path p = dir.resolve("weka.model");
        SavedModels.save(p, out -> WekaModelFile.write(out, model));
        Object[] objects = SerializationHelper.readAll(p.toString());
        assertInstanceOf(Classifier.class, objects[0]);
        assertInstanceOf(Instances.class, objects[1]);
        assertTrue(((String) objects[2]).contains("\"format\":\"trollwatch-weka-model\""));
    }

    @Test
    void randomBytesAreNotAModel() throws IOException {
        Path p = dir.resolve("junk.model");
        Files.write(p, "this is just text\n".getBytes());
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> WekaModelFile.load(p));
        assertTrue(e.getMessage().startsWith(p + " is not a trollwatch model file: "), e.getMessage());
    }

    @Test
    void otherSerializedObjectsAreNotAModel() throws IOException {
        Path p = dir.resolve("list.model");
        try (OutputStream out = Files.newOutputStream(p); ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(new ArrayList<>(List.of("a", "b")));
        }
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> WekaModelFile.load(p));
        assertTrue(e.getMessage().contains("is not a trollwatch model file"), e.getMessage());
    }

    @Test
    void classesOutsideTheAllowListAreRefused() throws IOException {
        Path p = dir.resolve("evil.model");
        try (OutputStream out = Files.newOutputStream(p); ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(new Canary());
        }
        TrollwatchException e = assertThrows(TrollwatchException.class, () -> WekaModelFile.load(p));
        assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
    }

    @Test
    void theAllowListRejectsForeignPackages() {
        java.io.ObjectInputFilter f = java.io.ObjectInputFilter.Config.createFilter(WekaModelFile.FILTER);
        assertEquals(java.io.ObjectInputFilter.Status.REJECTED, f.checkInput(info(Canary.class)));
        assertEquals(java.io.ObjectInputFilter.Status.ALLOWED, f.checkInput(info(weka.classifiers.trees.J48.class)));
        assertEquals(java.io.ObjectInputFilter.Status.ALLOWED, f.checkInput(info(dev.trollwatch.model.DepthCappedJ48.class)));
        assertFalse(f.checkInput(info(double[].class)) == java.io.ObjectInputFilter.Status.REJECTED);
    }

    private static java.io.ObjectInputFilter.FilterInfo info(Class<?> c) {
        return new java.io.ObjectInputFilter.FilterInfo() {
            public Class<?> serialClass() { return c; }
            public long arrayLength() { return c.isArray() ? 3 : -1; }
            public long depth() { return 1; }
            public long references() { return 1; }
            public long streamBytes() { return 100; }
        };
    }

    @Test
    void labelOrderIsTheClassOrder() {
        Instances h = WekaData.header();
        for (Label l : Label.values()) {
            assertEquals(l.text(), h.classAttribute().value(l.ordinal()));
        }
        DecisionTree t = model.tree();
        assertTrue(t.leaves().size() >= 2);
    }
}
