package dev.trollwatch.modelio;

import dev.trollwatch.fuzz.BoundedRun;
import dev.trollwatch.fuzz.FuzzTally;
import dev.trollwatch.fuzz.MutatedSeed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the three model decoders with mutated real model files (the committed v1 set: .json,
 * .onnx, .model). Property: loading gives a model or a clean refusal (a TrollwatchException: exit
 * 1) within 20 s; never another exception, an Error or a hang. {@code scripts/fuzz models} runs 100,000.
 */
class ModelFileFuzzTest {
    private static final FuzzTally TALLY = new FuzzTally("models");
    private static final List<String> NAMES = List.of("trollwatch.json", "trollwatch.onnx", "trollwatch.model");
    private static final List<byte[]> SEEDS = seeds();
    private static final BoundedRun RUN = new BoundedRun();
    private static final Path DIR = tempDir();

    @AfterContainer
    static void report() {
        RUN.close();
        TALLY.report();
    }

    @Property
    void everyMutatedModelFileLoadsOrIsRefusedCleanly(@ForAll("inputs") MutatedSeed input) throws Exception {
        TALLY.input();
        Path file = DIR.resolve("fuzz-" + NAMES.get(input.seed()));
        Files.write(file, input.apply(SEEDS));
        Throwable t = RUN.run(() -> ModelFiles.load(file), 20);
        TALLY.judge(t, "loaded", "refused");
    }

    @Provide
    Arbitrary<MutatedSeed> inputs() {
        return MutatedSeed.over(SEEDS.size());
    }

    private static List<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>();
        for (String name : NAMES) {
            try (InputStream in = ModelFileFuzzTest.class.getResourceAsStream("/modelio/v1/" + name)) {
                out.add(in.readAllBytes());
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException(name, e);
            }
        }
        return out;
    }

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("trollwatch-model-fuzz");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
