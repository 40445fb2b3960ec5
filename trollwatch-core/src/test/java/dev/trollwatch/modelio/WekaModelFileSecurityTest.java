package dev.trollwatch.modelio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.TrollwatchException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectStreamConstants;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crafted {@code .model} naming a class outside the allow-list is refused before that class is
 * initialised: its static initialiser (where a gadget's code would run) never runs.
 */
class WekaModelFileSecurityTest {
    /** Named as a string: referring to the class literal here must not load or initialise it. */
    private static final String PAYLOAD = "org.example.payload.StaticInitPayload";
    private static final String RAN = "trollwatch.test.payloadInitialised";

    @TempDir
    Path dir;

    @Test
    void classOutsideTheAllowListIsRefusedBeforeItsStaticInitialiserRuns() throws Exception {
        assertNull(System.getProperty(RAN), "precondition: the payload class has not been initialised");
        Path crafted = dir.resolve("crafted.model");
        Files.write(crafted, serializedInstanceOf(PAYLOAD, 42L));

        TrollwatchException e = assertThrows(TrollwatchException.class, () -> ModelFiles.load(crafted));

        assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
        assertTrue(e.getMessage().startsWith(crafted.toString()), e.getMessage());
        assertNull(System.getProperty(RAN), "the payload's static initialiser ran while loading the model");

        // Control: initialising the class does record it, so the check above could have failed.
        Class.forName(PAYLOAD, true, getClass().getClassLoader());
        assertEquals("true", System.getProperty(RAN));
        System.clearProperty(RAN);
    }

    @Test
    void hugeArrayInACompressedModelIsRefusedBeforeItIsAllocated() throws Exception {
        Path bomb = dir.resolve("bomb.model.gz");
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(
                new java.util.zip.GZIPOutputStream(Files.newOutputStream(bomb)))) {
            out.writeObject(new double[4_000_000]); // 32 MB of zeros, a few KB on disk
        }
        assertTrue(Files.size(bomb) < 100_000);

        TrollwatchException e = assertThrows(TrollwatchException.class, () -> ModelFiles.load(bomb));

        assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
    }

    /**
     * The Java serialization bytes of one instance of a serializable class with no fields, written by
     * hand so that the class is never loaded here.
     */
    private static byte[] serializedInstanceOf(String className, long serialVersionUid) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(ObjectStreamConstants.STREAM_MAGIC);
            out.writeShort(ObjectStreamConstants.STREAM_VERSION);
            out.writeByte(ObjectStreamConstants.TC_OBJECT);
            out.writeByte(ObjectStreamConstants.TC_CLASSDESC);
            out.writeUTF(className);
            out.writeLong(serialVersionUid);
            out.writeByte(ObjectStreamConstants.SC_SERIALIZABLE);
            out.writeShort(0);
            out.writeByte(ObjectStreamConstants.TC_ENDBLOCKDATA);
            out.writeByte(ObjectStreamConstants.TC_NULL);
        }
        return bytes.toByteArray();
    }
}
