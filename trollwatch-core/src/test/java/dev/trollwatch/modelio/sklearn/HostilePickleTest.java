package dev.trollwatch.modelio.sklearn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.TrollwatchException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pickles that ask to run code, lie about sizes or stop early: refused with a clear message, nothing run. */
class HostilePickleTest {
    /** What the payloads of the hostile fixtures would create if a Python unpickler ran them. */
    static final Path MARKER = Path.of("/tmp/trollwatch-pickle-payload-ran");

    @BeforeEach
    void noMarkerYet() throws Exception {
        Files.deleteIfExists(MARKER);
    }

    private static PickleException refused(byte[] bytes) {
        return assertThrows(PickleException.class,
                () -> SklearnTreeImporter.decode(bytes, "x.pkl", "x.pkl", null, "t", "now"));
    }

    private static void assertMessage(PickleException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("x.pkl: "), e.getMessage());
    }

    @Test
    void anythingButARegularFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        // /dev/zero was read to the 64 MiB limit first, a FIFO blocked for ever, and a directory
        // was "I/O error: Is a directory" without its name
        List<Path> notFiles = new ArrayList<>(List.of(dir));
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) {
            notFiles.add(zero);
        }
        Path fifo = dir.resolve("f.pkl");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            notFiles.add(fifo);
        }
        assertEquals(3, notFiles.size(), "this system has /dev/zero and mkfifo");
        for (Path p : notFiles) {
            TrollwatchException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                    TrollwatchException.class, () -> SklearnTreeImporter.read(p, null, "t", "now")));
            assertEquals(p + ": not a regular file; a pickle to import is a regular file", e.getMessage());
        }
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.pkl");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SklearnTreeImporter.MAX_PICKLE_BYTES + 1); // sparse: no disk used
        }
        PickleException e = assertThrows(PickleException.class, () -> SklearnTreeImporter.read(big, null, "t", "now"));
        assertEquals(big + ": more than " + SklearnTreeImporter.MAX_PICKLE_BYTES + " bytes, larger than a decision"
                + " tree pickle can be here", e.getMessage());
    }

    @Test
    void reducePayloadsAreRefusedAndNeverRun() {
        for (String name : new String[] {"hostile-os-system-p3.pkl", "hostile-os-system-p4.pkl",
            "hostile-payload-in-state-p4.pkl"}) {
            byte[] b = SklearnFixtures.bytes(name);
            // the fixture really is a payload: it names the shell and the command
            String text = new String(b, StandardCharsets.ISO_8859_1);
            assertTrue(text.contains("system") && text.contains("touch " + MARKER), name);
            assertMessage(refused(b), "refused: global posix.system is not allowed");
            assertFalse(Files.exists(MARKER), name + " ran its payload");
        }
        assertMessage(refused(SklearnFixtures.bytes("hostile-eval-p2.pkl")), "refused: global __builtin__.eval");
        assertFalse(Files.exists(MARKER));
    }

    @Test
    void theGlobalIsRefusedBeforeAnythingIsBuilt() {
        // GLOBAL names are checked by the scanner: the refusal points at the GLOBAL, not at its REDUCE
        PickleException e = refused(SklearnFixtures.bytes("hostile-os-system-p3.pkl"));
        assertMessage(e, "byte 2: refused: global posix.system");
    }

    @Test
    void forbiddenOpcodesAreRefusedByName() {
        assertMessage(refused(pickle('c', "sklearn.tree._tree\nTree\n", '(', 'i', "posix\nsystem\n", '.')),
                "forbidden opcode INST");
        assertMessage(refused(pickle('(', 'o', '.')), "forbidden opcode OBJ");
        assertMessage(refused(pickle('P', "1\n", '.')), "forbidden opcode PERSID");
        assertMessage(refused(pickle('N', 'Q', '.')), "forbidden opcode BINPERSID");
        assertMessage(refused(pickle(0x82, 1, '.')), "forbidden opcode EXT1");
        assertMessage(refused(pickle(0x83, 1, 0, '.')), "forbidden opcode EXT2");
        assertMessage(refused(pickle(0x84, 1, 0, 0, 0, '.')), "forbidden opcode EXT4");
        assertMessage(refused(pickle(0x97, '.')), "forbidden opcode NEXT_BUFFER");
    }

    @Test
    void declaredLengthsLongerThanTheFileAreRefusedWithoutAllocating() {
        // BINBYTES declaring 2 GiB - 1 with 3 bytes behind it
        assertMessage(refused(pickle('B', 0xff, 0xff, 0xff, 0x7f, 1, 2, 3, '.')),
                "BINBYTES declares 2147483647 bytes but only 4 are left");
        // BINUNICODE8 declaring 2^62
        assertMessage(refused(pickle(0x8d, 0, 0, 0, 0, 0, 0, 0, 0x40, '.')), "BINUNICODE8 declares 4611686018427387904");
        // an 8-byte length with the top bit set
        assertMessage(refused(pickle(0x8e, 0, 0, 0, 0, 0, 0, 0, 0x80, '.')), "BINBYTES8 declares 9223372036854775808");
        assertMessage(refused(pickle(0x95, 0, 0, 0, 0, 1, 0, 0, 0, '.')), "FRAME declares 4294967296 bytes");
        // a numpy array whose shape claims 2^40 doubles but holds 8 bytes
        assertMessage(refused(SklearnFixtures.bytes("hostile-huge-array-p3.pkl")),
                "needs more than 2 GB, the pickle has 8");
    }

    @Test
    void truncatedFilesAreRefused() {
        byte[] good = SklearnFixtures.bytes("legacy-0.20-layout-p3.pkl");
        assertMessage(refused(Arrays.copyOf(good, good.length / 2)), "truncated");
        assertMessage(refused(Arrays.copyOf(good, good.length - 1)), "truncated: the file ends before the STOP opcode");
        assertMessage(refused(Arrays.copyOf(good, 1)), "not a binary pickle");
    }

    @Test
    void stringsThatAreNotUtf8AreRefused() {
        // a bad byte after 10,000 good characters (past the first piece checked), and a lone surrogate
        assertMessage(refused(pickle('X', 0x12, 0x27, 0, 0, "a".repeat(10_000), 0xc3, 0x28, '.')),
                "byte 2: a string is not valid UTF-8");
        assertMessage(refused(pickle(0x8c, 3, 0xed, 0xa0, 0x80, '.')), "byte 2: a string is not valid UTF-8");
    }

    @Test
    void otherFilesAreNotPickles() {
        assertMessage(refused("{\"format\": \"trollwatch-model\"}".getBytes(StandardCharsets.UTF_8)), "not a binary pickle");
        assertMessage(refused(new byte[] {(byte) 0x80, 1, 'N', '.'}), "unsupported pickle protocol 1");
        assertMessage(refused(pickle(']', '.')), "holds a list, not a scikit-learn DecisionTreeClassifier");
    }

    @Test
    void allowedGlobalsCannotBeCalledInOtherWays() {
        // NEWOBJ of numpy.dtype, BUILD on a plain dict, REDUCE of the classifier class
        assertMessage(refused(pickle('c', "numpy\ndtype\n", ')', 0x81, '.')), "refused: NEWOBJ of numpy.dtype");
        assertMessage(refused(pickle('}', '}', 'b', '.')), "refused: BUILD on a dict");
        assertMessage(refused(pickle('c', "sklearn.tree._classes\nDecisionTreeClassifier\n", ')', 'R', '.')),
                "refused: REDUCE calls sklearn.tree._classes.DecisionTreeClassifier");
        // STACK_GLOBAL takes its names from the stack: checked when it runs
        assertMessage(refused(pickle(0x8c, 5, "posix", 0x8c, 6, "system", 0x93, '.')), "refused: global posix.system");
    }

    @Test
    void aSharedNestedTupleAsADictionaryKeyIsRefusedAtOnce() {
        // DUP + TUPLE2 a hundred times: 2^100 leaves in 207 bytes; hashing it as a key never ended
        byte[] shared = pickle('}', 'N', times(100, '2', 0x86), 'N', 's', '.');
        PickleException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(shared));
        assertMessage(e, "byte 205: refused: a tuple as a dictionary key");
        // 3,000 nested 1-tuples: hashing it overflowed the stack
        byte[] deep = pickle('}', 'N', times(3000, 0x85), 'N', 's', '.');
        assertMessage(refused(deep), "byte 3005: refused: a tuple as a dictionary key");
    }

    @Test
    void moreInstructionsThanATreePickleHasAreRefusedBeforeAnythingIsBuilt() {
        // a tree pickle has about 400 (its arrays are byte buffers); 31 M of push-None/pop in 62 MB
        // held 2.8 GB, 30 M empty lists 3.4 GB. 100,000 are scanned, the next one is refused.
        int limit = 100_000;
        assertMessage(refused(pickle(times(limit / 2, 'N', '0'), 'N', '.')),
                "byte " + (limit + 1) + ": refused: more than 100000 instructions");
        assertMessage(refused(pickle(times(limit, ']'), '.')), "refused: more than 100000 instructions");
        // one short of the limit runs (and is refused for what it holds, not for its length)
        assertMessage(refused(pickle(times(limit / 2 - 2, 'N', '0'), 'N', '.')), "holds None");
    }

    /** The given opcodes and text {@code n} times over, without PROTO. */
    static byte[] times(int n, Object... parts) {
        byte[] one = pickle(parts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            out.write(one, 2, one.length - 2);
        }
        return out.toByteArray();
    }

    /** PROTO 4, then the given opcodes (ints), inline text (Strings as Latin-1 bytes) and raw bytes. */
    static byte[] pickle(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(4);
        for (Object p : parts) {
            if (p instanceof byte[] raw) {
                out.writeBytes(raw);
            } else if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            } else if (p instanceof Character c) {
                out.write(c);
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    @Test
    void joblibFilesAreToldAsSuchWithWhatToDoInstead() throws Exception {
        byte[] pickle = SklearnFixtures.bytes("article-params-p4.pkl");
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(zlib)) {
            z.write(pickle);
        }
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gzip)) {
            z.write(pickle);
        }
        for (String kind : List.of("zlib", "gzip")) {
            byte[] bytes = kind.equals("zlib") ? zlib.toByteArray() : gzip.toByteArray();
            PickleException e = assertThrows(PickleException.class,
                    () -> SklearnTreeImporter.decode(bytes, "m.joblib", "m.joblib", null, "t", "now"));
            assertTrue(e.getMessage().contains("it is " + kind + "-compressed (joblib.dump(..., compress=…) writes such"
                    + " files): decompress it, or save the model with pickle.dump(model, f, protocol=4)"), e.getMessage());
        }
        // joblib.dump without compression names its numpy wrapper: refused, and said what the file is.
        ByteArrayOutputStream wrapper = new ByteArrayOutputStream();
        wrapper.write(new byte[] {(byte) 0x80, 4});
        for (String text : List.of("joblib.numpy_pickle", "NumpyArrayWrapper")) {
            byte[] t = text.getBytes(StandardCharsets.US_ASCII);
            wrapper.write((byte) 0x8c);
            wrapper.write(t.length);
            wrapper.write(t);
        }
        wrapper.write(new byte[] {(byte) 0x93, '.'});
        PickleException e = assertThrows(PickleException.class,
                () -> SklearnTreeImporter.decode(wrapper.toByteArray(), "m.joblib", "m.joblib", null, "t", "now"));
        assertTrue(e.getMessage().contains("global joblib.numpy_pickle.NumpyArrayWrapper is not allowed")
                && e.getMessage().contains("this is a joblib.dump file: save the model with pickle.dump(model, f,"
                        + " protocol=4)"), e.getMessage());
    }
}
