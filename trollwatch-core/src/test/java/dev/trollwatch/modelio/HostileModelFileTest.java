package dev.trollwatch.modelio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.TrollwatchException;
import dev.trollwatch.model.DecisionTree;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files built to exhaust time, memory or stack: each is refused as a bad file (a
 * TrollwatchException: exit 1), in bounded time, never an Error or an endless load.
 */
class HostileModelFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static TrollwatchException refused(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(TrollwatchException.class, () -> ModelFiles.load(file)));
    }

    @Test
    void nestedHashSetsDoNotSpinForever() throws Exception {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) { // the classic SerialDOS: hashing it takes 2^100 steps
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(root);
        }
        Path f = Files.write(dir.resolve("bomb.model"), bytes.toByteArray());
        assertTrue(Files.size(f) < 10_000);
        TrollwatchException e = refused(f);
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("deserialization bomb"), e.getMessage());
    }

    @Test
    void aGzippedGiantStringIsStoppedAtTheByteLimit() throws Exception {
        Path f = dir.resolve("string.model.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(f), 1 << 16);
             DataOutputStream out = new DataOutputStream(gz)) {
            out.writeShort(0xACED);
            out.writeShort(5);
            out.writeByte(0x7C); // TC_LONGSTRING
            long chars = 300L << 20;
            out.writeLong(chars);
            byte[] block = new byte[1 << 16];
            java.util.Arrays.fill(block, (byte) 'a');
            for (long w = 0; w < chars; w += block.length) {
                out.write(block);
            }
        }
        assertTrue(Files.size(f) < 2 << 20, "a small file that inflates to 300 MiB");
        TrollwatchException e = refused(f);
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void aJsonTreeThatIsADeepChainIsRefusedNotAStackOverflow() throws Exception {
        ObjectNode model = (ObjectNode) JSON.readTree(resource("modelio/example-depth2.json"));
        ArrayNode nodes = JSON.createArrayNode();
        int depth = 20_000;
        ObjectNode leafTemplate = null;
        for (var n : model.at("/tree/nodes")) {
            if (n.path("leaf").asBoolean()) {
                leafTemplate = (ObjectNode) n;
            }
        }
        for (int i = 0; i < depth; i++) {
            ObjectNode split = nodes.addObject();
            split.put("id", 2 * i);
            split.put("feature", "recent_max_diff_ratio");
            split.put("feature_index", 17);
            split.put("threshold", 0.5);
            split.put("left", 2 * i + 1);
            split.put("right", i == depth - 1 ? 2 * i + 2 : 2 * i + 2);
            ObjectNode leaf = leafTemplate.deepCopy();
            leaf.put("id", 2 * i + 1);
            nodes.add(leaf);
        }
        ObjectNode last = leafTemplate.deepCopy();
        last.put("id", 2 * depth);
        nodes.add(last);
        ((ObjectNode) model.get("tree")).set("nodes", nodes);
        Path f = dir.resolve("chain.json");
        JSON.writeValue(f.toFile(), model);
        TrollwatchException e = refused(f);
        assertTrue(e.getMessage().contains("deeper than"), e.getMessage());
    }

    @Test
    void anOnnxTreeThatIsADeepChainIsRefusedNotAStackOverflow() throws Exception {
        DecisionTree.Node node = TestTrees.leaf(1, 2, 3, 1, 2, 3);
        for (int i = 0; i < 20_000; i++) {
            node = new DecisionTree.Split(17, 0.5, TestTrees.leaf(3, 2, 1, 3, 2, 1), node);
        }
        DecisionTree chain = new DecisionTree(node);
        Path f = dir.resolve("chain.onnx");
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(null, () -> { // the fixture needs a deep stack to be written at all
            try (OutputStream out = Files.newOutputStream(f)) {
                OnnxModelFile.write(out, chain, TestTrees.info("chain"));
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "deep-writer", 1L << 30);
        writer.start();
        writer.join();
        if (failed.get() != null) {
            throw new AssertionError("could not write the fixture", failed.get());
        }
        TrollwatchException e = refused(f);
        assertTrue(e.getMessage().contains("deeper than"), e.getMessage());
    }

    @Test
    void devZeroAsAModelIsRefusedAtOnce() {
        for (String name : new String[] {"zero.onnx", "zero.json", "zero.model"}) {
            Path link = dir.resolve(name);
            try {
                Files.createSymbolicLink(link, Path.of("/dev/zero"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            TrollwatchException e = refused(link);
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
    }

    @Test
    void garbageAndWrongWireTypesAreBadFilesNotInternalErrors() throws Exception {
        java.util.Random rnd = new java.util.Random(7);
        byte[] valid;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OnnxModelFile.write(out, TestTrees.depthTwo(), TestTrees.info("x"));
        valid = out.toByteArray();
        for (int round = 0; round < 2000; round++) {
            byte[] b = valid.clone();
            int flips = 1 + rnd.nextInt(8);
            for (int i = 0; i < flips; i++) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            byte[] mutated = rnd.nextInt(10) == 0 ? java.util.Arrays.copyOf(b, rnd.nextInt(b.length)) : b;
            try {
                OnnxModelFile.read(mutated, "mutant-" + round + ".onnx");
            } catch (TrollwatchException expected) {
                // a clean refusal
            }
        }
    }

    private static InputStream resource(String name) {
        InputStream in = HostileModelFileTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }
}
