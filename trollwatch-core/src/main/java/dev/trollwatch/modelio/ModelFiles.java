package dev.trollwatch.modelio;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.io.file.AtomicOutput;
import dev.trollwatch.io.file.RegularFile;
import dev.trollwatch.io.file.StandardStreams;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.model.ThresholdPrecision;
import dev.trollwatch.model.TrainedModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The model files side by side: {@code BASE.model} (Weka), {@code BASE.json} (portable) and
 * {@code BASE.onnx} (ONNX-ML), all recording the same model id. Saving is all or nothing;
 * loading picks the reader by extension.
 */
public final class ModelFiles {
    public static final String WEKA = ".model";
    public static final String JSON = ".json";
    public static final String ONNX = ".onnx";
    /** The metrics file {@code train} writes beside the model files. */
    public static final String METRICS = ".metrics.json";
    /** The names a model file may end in, longest first (so that .model.gz is taken whole). */
    private static final List<String> MODEL_EXTENSIONS = List.of(WEKA + ".gz", WEKA, JSON, ONNX);
    /** Model files are kilobytes; anything over this is refused before it is read (untrusted input). */
    public static final long MAX_MODEL_BYTES = 64L << 20;

    /** Writes one format's bytes. */
    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out, TrainedModel model) throws IOException;
    }

    private record Part(String extension, Writer writer) {
    }

    private ModelFiles() {
    }

    /** The three files of a model saved as {@code base}. */
    public static List<Path> paths(Path base) {
        return List.of(sibling(base, WEKA), sibling(base, JSON), sibling(base, ONNX));
    }

    /** A file written with the model files, all or nothing with them (the metrics file, the tree as DOT). */
    public record Companion(Path path, byte[] bytes) {
    }

    /** As {@link #saveAll(Path, TrainedModel, Function)} without companion files. */
    public static TrainedModel saveAll(Path base, TrainedModel trained) throws IOException {
        return saveAll(base, trained, m -> List.of());
    }

    /**
     * Writes {@code BASE.model}, {@code BASE.json} and {@code BASE.onnx}, and the companion files made
     * from the saved model (which knows its id). Every file is written to a temp file first; only when
     * all are complete are they moved into place, and if any step fails none of the new files remains
     * and the old set is as it was (a full disk fails while writing, before anything is moved; a move
     * that fails puts back the files the earlier moves replaced). Two processes saving to the same
     * base commit one after the other, under a lock ({@link CommitLock}), so the set on disk always
     * carries one model id. The model id is computed when training set none.
     *
     * @return the model as saved (with its id)
     */
    public static TrainedModel saveAll(Path base, TrainedModel trained,
                                       Function<TrainedModel, List<Companion>> companions) throws IOException {
        ModelInfo info = ModelId.ensure(trained.tree(), trained.info());
        TrainedModel model = new TrainedModel(trained.classifier(), trained.header(), trained.tree(), info);
        List<Part> parts = new ArrayList<>();
        if (model.classifier() != null) {
            parts.add(new Part(WEKA, WekaModelFile::write));
        }
        parts.add(new Part(JSON, (out, m) -> JsonModelFile.write(out, m.tree(), m.info())));
        parts.add(new Part(ONNX, (out, m) -> OnnxModelFile.write(out, m.tree(), m.info())));

        List<AtomicOutput> outputs = new ArrayList<>();
        try {
            for (Part p : parts) {
                Path destination = sibling(base, p.extension());
                AtomicOutput out = AtomicOutput.create(destination);
                outputs.add(out);
                OutputStream limited = new ModelSizeLimitStream(out.stream(), destination, model.tree());
                p.writer().write(limited, model);
                limited.flush();
            }
            for (Companion c : companions.apply(model)) {
                AtomicOutput out = AtomicOutput.create(c.path());
                outputs.add(out);
                out.stream().write(c.bytes());
            }
            try (CommitLock lock = CommitLock.acquire(base)) {
                commitAll(outputs);
            }
            return model;
        } catch (ModelSizeLimitStream.TooLarge e) {
            throw new TrollwatchException(e.getMessage(), e);
        } finally {
            for (AtomicOutput out : outputs) {
                out.close();
            }
        }
    }

    /** Commits every output, or, when one fails, puts back what the committed ones replaced. */
    static void commitAll(List<AtomicOutput> outputs) throws IOException {
        List<AtomicOutput.Previous> previous = new ArrayList<>();
        try {
            for (AtomicOutput out : outputs) {
                previous.add(out.commitKeepingPrevious());
            }
        } catch (IOException | RuntimeException e) {
            for (int i = previous.size() - 1; i >= 0; i--) {
                try {
                    previous.get(i).restore();
                } catch (IOException restoreFailed) {
                    e.addSuppressed(restoreFailed);
                }
            }
            throw e;
        }
        previous.forEach(AtomicOutput.Previous::discard);
    }

    /**
     * Loads a model for scoring, by extension: {@code .model}, {@code .json} or {@code .onnx}. A path
     * without one of these names a model base: its {@code .json} file is loaded.
     */
    public static ScoringModel load(Path path) throws IOException {
        StandardStreams.requireInputOpen(path); // /dev/stdin closed at start reads the JDK's own file
        boolean named = namesModelFile(path);
        if (named) {
            RegularFile.require(path, "a model file is a regular file");
        }
        if (Files.isRegularFile(path) && Files.size(path) > MAX_MODEL_BYTES) {
            throw new TrollwatchException(path + ": not a trollwatch model file: " + Files.size(path)
                    + " bytes (model files are kilobytes; the limit is " + MAX_MODEL_BYTES + ")");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(JSON)) {
            return JsonModelFile.read(path);
        }
        if (name.endsWith(ONNX)) {
            return OnnxModelFile.read(path);
        }
        if (name.endsWith(WEKA) || name.endsWith(WEKA + ".gz")) {
            TrainedModel weka = WekaModelFile.load(path);
            return new ScoringModel(weka.tree(), weka.info(), ThresholdPrecision.DOUBLE);
        }
        Path json = sibling(path, JSON);
        if (Files.exists(json)) {
            return JsonModelFile.read(json);
        }
        throw new TrollwatchException(path + ": not a model file: expected a name ending in .model, .json or .onnx"
                + " (or a model base with a .json beside it)");
    }

    /**
     * The files of the model set {@code path} belongs to — its {@code .model}, {@code .json},
     * {@code .onnx} and {@code .metrics.json} — whether {@code path} names one of them or the base.
     */
    public static List<Path> modelSet(Path path) {
        Path base = path;
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : MODEL_EXTENSIONS) {
            if (lower.endsWith(extension)) {
                base = path.resolveSibling(name.substring(0, name.length() - extension.length()));
                break;
            }
        }
        List<Path> set = new ArrayList<>(paths(base));
        set.add(path); // as named: M.JSON or m.model.gz is none of the lower-case names above
        set.add(sibling(base, METRICS));
        return List.copyOf(set);
    }

    /** The file {@link #load} reads for {@code path}: the path itself when it names a model file, else the base's .json. */
    public static Path fileToLoad(Path path) {
        return namesModelFile(path) ? path : sibling(path, JSON);
    }

    private static boolean namesModelFile(Path path) {
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return MODEL_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }
}
