package dev.trollwatch.modelio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trollwatch.TrollwatchException;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.DepthCappedJ48;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.TrainedModel;
import dev.trollwatch.model.WekaData;
import dev.trollwatch.model.WekaEnvironment;
import dev.trollwatch.model.WekaTreeConverter;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.StreamCorruptedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import weka.core.Instances;

/**
 * The Weka model file ({@code .model}): Java serialization of, in order, the trained
 * {@link DepthCappedJ48}, the empty {@link Instances} header it was trained on (Weka's own
 * convention, so Weka can read the file when trollwatch's jar is on its classpath) and a JSON
 * string {@code {"format":"trollwatch-weka-model","format_version":2,"info":{…},"leaf_rows":[[…]…]}}
 * holding the model's metadata ({@link ModelMetadata}, the same object the other formats hold) and the training row counts of the leaves (left to right),
 * which Weka's tree does not keep.
 *
 * <p>Loading never runs code from classes outside Weka, the JDK and trollwatch: the stream is
 * read with an allow-list {@link ObjectInputFilter} ({@value #FILTER}), checked before any class
 * is resolved. (Weka's {@code SerializationHelper.read} initialises classes while resolving
 * them, before a filter can refuse them, so it is not used.)
 */
public final class WekaModelFile {
    static {
        WekaEnvironment.configure(); // before the stream below loads the first Weka class
    }

    /** Classes a model file may contain; everything else is refused. */
    public static final String FILTER =
            "maxdepth=200;maxrefs=1000000;maxarray=1000000;maxbytes=67108864;weka.**;java.**;dev.trollwatch.**;!*";
    static final String FORMAT = "trollwatch-weka-model";
    /** 2: {@code info} is the {@link ModelMetadata} object; 1 (trollwatch 0.1) had a schema of its own. */
    static final int FORMAT_VERSION = 2;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Time allowed to rebuild a model's objects: real ones take milliseconds. */
    static final int READ_SECONDS = 10;

    private WekaModelFile() {
    }


    /** Writes the three objects to {@code out} (not closed; {@link ModelFiles#saveAll} commits it with the others). */
    public static void write(OutputStream out, TrainedModel model) throws IOException {
        if (model.classifier() == null || model.header() == null) {
            throw new IllegalArgumentException("a Weka model file needs the Weka classifier and header");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("format_version", FORMAT_VERSION);
        doc.put("info", ModelMetadata.write(model.tree(), model.info()));
        doc.put("leaf_rows", WekaTreeConverter.leafRows(model.tree()));
        String json = MAPPER.writeValueAsString(doc);
        ObjectOutputStream oos = new ObjectOutputStream(out);
        oos.writeObject(model.classifier());
        oos.writeObject(new Instances(model.header(), 0));
        oos.writeObject(json);
        oos.flush();
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws TrollwatchException "FILE is not a trollwatch model file: …" for anything else
     */
    public static TrainedModel load(Path file) throws IOException {
        Object[] objects = readObjects(file);
        Object classifier = objects[0];
        Object header = objects[1];
        Object json = objects[2];
        if (!(classifier instanceof DepthCappedJ48 j48)) {
            throw notOurs(file, "the first object is " + className(classifier) + ", not trollwatch's J48 classifier");
        }
        if (!(header instanceof Instances h) || !WekaData.isCompatible(h)) {
            throw notOurs(file, "the second object is not the trollwatch dataset header (20 features + target)");
        }
        if (!(json instanceof String s)) {
            throw notOurs(file, "the third object is " + className(json) + ", not the model info");
        }
        JsonNode doc;
        try {
            doc = MAPPER.readTree(s);
        } catch (IOException e) {
            throw notOurs(file, "its model info is not JSON");
        }
        if (!FORMAT.equals(doc.path("format").asText())) {
            throw notOurs(file, "its model info has format '" + doc.path("format").asText() + "', expected " + FORMAT);
        }
        int version = doc.path("format_version").asInt();
        if (version > FORMAT_VERSION) {
            throw new TrollwatchException(file + ": model file format version " + doc.path("format_version").asInt()
                    + " is newer than this trollwatch reads (" + FORMAT_VERSION + "); upgrade trollwatch");
        }
        List<long[]> leafRows = new ArrayList<>();
        for (JsonNode leaf : doc.path("leaf_rows")) {
            long[] r = new long[leaf.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = leaf.get(i).asLong();
            }
            leafRows.add(r);
        }
        DecisionTree tree;
        try {
            tree = WekaTreeConverter.convert(j48.root(), List.of());
        } catch (RuntimeException | StackOverflowError e) {
            // the objects are of the right classes, but their fields do not make a tree (an edited file)
            throw notOurs(file, "its classifier does not hold a complete tree (" + e + ")");
        }
        try {
            tree = WekaTreeConverter.withLeafRows(tree, leafRows);
        } catch (IllegalArgumentException e) {
            throw notOurs(file, "its leaf row counts do not match its tree (" + e.getMessage() + ")");
        }
        String where = file + " (info)";
        ModelInfo info = version == 1 ? ModelMetadata.readWekaVersion1(doc.path("info"), where)
                : ModelMetadata.read(doc.path("info"), where);
        ModelCheck.verify(tree, info, file.toString());
        ModelId.warnIfChanged(tree, info, file.toString());
        return new TrainedModel(j48, h, tree, info);
    }

    /**
     * The file's three objects. The allow-list filter keeps foreign classes out, but Java's own
     * collections can still be arranged to take forever to rebuild (nested hash sets: 2^100 hash
     * steps in 5 KB) or to inflate a gzip into gigabytes of one string: so the decompressed bytes are
     * capped at {@link ModelFiles#MAX_MODEL_BYTES} and reading gets {@link #READ_SECONDS} seconds on a
     * daemon thread, which is left behind (and the load refused) when it does not finish.
     */
    private static Object[] readObjects(Path file) throws IOException {
        FutureTask<Object[]> task = new FutureTask<>(() -> {
            try (InputStream in = open(file); ObjectInputStream ois = new ObjectInputStream(in)) {
                ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter(FILTER));
                return new Object[] {ois.readObject(), ois.readObject(), ois.readObject()};
            }
        });
        Thread reader = new Thread(task, "weka-model-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            return task.get(READ_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw notOurs(file, "rebuilding its objects took more than " + READ_SECONDS
                    + " s (a model loads in milliseconds: this looks like a deserialization bomb)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(file + ": interrupted while loading", e);
        } catch (ExecutionException e) {
            throw readFailure(file, e.getCause());
        }
    }

    private static IOException readFailure(Path file, Throwable e) throws IOException {
        if (e instanceof StreamCorruptedException) {
            throw notOurs(file, "not a Java-serialized Weka model (" + e.getMessage() + ")");
        } else if (e instanceof InvalidClassException) {
            throw notOurs(file, "it contains a class that is not allowed or not compatible (" + e.getMessage() + ")");
        } else if (e instanceof EOFException) {
            throw notOurs(file, "the file ends too early (truncated, or not a trollwatch model)");
        } else if (e instanceof ClassNotFoundException) {
            throw notOurs(file, "it needs class " + e.getMessage() + ", which trollwatch does not have");
        } else if (e instanceof java.util.zip.ZipException) {
            throw notOurs(file, "bad gzip data (" + e.getMessage() + ")");
        } else if (e instanceof ByteLimitExceededException) {
            throw notOurs(file, e.getMessage());
        } else if (e instanceof ClassCastException || e instanceof IllegalStateException
                || e instanceof java.io.OptionalDataException || e instanceof IllegalArgumentException
                || e instanceof NullPointerException || e instanceof ArrayIndexOutOfBoundsException
                || e instanceof NegativeArraySizeException || e instanceof StackOverflowError
                || e instanceof OutOfMemoryError) {
            throw notOurs(file, "unexpected content (" + e + ")");
        } else if (e instanceof java.nio.file.FileSystemException io) {
            throw io; // the file itself could not be read: an I/O failure, not a bad model
        }
        throw notOurs(file, "unexpected content (" + e + ")");
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) { // as ModelFiles.load
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new ByteLimitedInputStream(in, ModelFiles.MAX_MODEL_BYTES);
    }

    private static TrollwatchException notOurs(Path file, String why) {
        return new TrollwatchException(file + " is not a trollwatch model file: " + why);
    }

    private static String className(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }
}
