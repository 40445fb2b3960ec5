package dev.trollwatch.io.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void creatableIsCheckedUpFrontWithoutWritingAnything() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        IOException underAFile = assertThrows(IOException.class, () -> AtomicOutput.checkCreatable(file.resolve("a/b.csv")));
        assertEquals(file.resolve("a/b.csv") + ": cannot be created, " + file + " is not a directory", underAFile.getMessage());
        IOException aFolder = assertThrows(IOException.class, () -> AtomicOutput.checkCreatable(dir));
        assertTrue(aFolder.getMessage().contains("is a directory"), aFolder.getMessage());
        assertDoesNotThrow(() -> AtomicOutput.checkCreatable(dir.resolve("new/folders/out.csv")));
        assertDoesNotThrow(() -> AtomicOutput.checkCreatable(Path.of("/dev/null")));
        assertFalse(Files.exists(dir.resolve("new")), "a check creates nothing");
    }

    @Test
    void aDanglingLinkIsWrittenThroughAndStaysALink() throws IOException {
        // Found by probing: `--out link.csv` with the link's target not written yet failed "no such file".
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("target.csv"));
        try (AtomicOutput out = AtomicOutput.create(link)) {
            out.stream().write("rows".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        assertTrue(Files.isSymbolicLink(link), "still a link");
        assertEquals("rows", Files.readString(dir.resolve("target.csv")));
        Path loop = Files.createSymbolicLink(dir.resolve("loop.csv"), Path.of("loop.csv"));
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.create(loop));
        assertTrue(e.getMessage().contains("loop.csv"), e.getMessage());
    }

    @Test
    void aFileWhereAFolderMustBeIsSaidInWords() throws IOException {
        // Found by probing: `generate --out notes.txt/x.csv` said "FileAlreadyExistsException".
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        IOException direct = assertThrows(IOException.class, () -> AtomicOutput.create(file.resolve("x.csv")));
        assertEquals(file.resolve("x.csv") + ": " + file + " exists and is not a folder", direct.getMessage());
        IOException deeper = assertThrows(IOException.class, () -> AtomicOutput.create(file.resolve("y/z.csv")));
        assertFalse(deeper.getMessage().contains("Exception"), deeper.getMessage());
        assertTrue(deeper.getMessage().startsWith(file.resolve("y/z.csv") + ": "), deeper.getMessage());
    }

    @Test
    void aFolderThatTakesNoNewFilesIsFoundUpFront() throws IOException {
        // sysfs takes no new file, even from root, whose permission bits would say yes.
        Path sysfs = Path.of("/sys/kernel");
        Assumptions.assumeTrue(Files.isDirectory(sysfs), "a Linux /sys");
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.checkCreatable(sysfs.resolve("m/x.json")));
        assertTrue(e.getMessage().startsWith("/sys/kernel/m/x.json: cannot be created, /sys/kernel takes no new files ("),
                e.getMessage());
        IOException opening = assertThrows(IOException.class, () -> AtomicOutput.create(sysfs.resolve("x.json")));
        assertEquals("/sys/kernel/x.json: permission denied", opening.getMessage(), "not the temp file's bare name");
        assertDoesNotThrow(() -> AtomicOutput.checkCreatable(dir.resolve("out.csv")));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "the probe leaves nothing behind");
        }
    }

    @Test
    void committedFileAppearsWithItsBytes() throws IOException {
        Path dest = dir.resolve("sub/out.txt");
        try (AtomicOutput out = AtomicOutput.create(dest)) {
            out.stream().write("hello".getBytes(StandardCharsets.UTF_8));
            assertFalse(Files.exists(dest), "nothing at the destination before commit");
            out.commit();
        }
        assertEquals("hello", Files.readString(dest));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dest)));
        try (var files = Files.list(dest.getParent())) {
            assertEquals(1, files.count(), "no temp file left");
        }
    }

    @Test
    void failureBeforeCommitLeavesNoFileAndKeepsTheOldOne() throws IOException {
        Path dest = dir.resolve("out.csv");
        Files.writeString(dest, "old");
        try (AtomicOutput out = AtomicOutput.create(dest)) {
            out.stream().write("half-written".getBytes(StandardCharsets.UTF_8));
            // no commit: simulates an exception mid-write
        }
        assertEquals("old", Files.readString(dest));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "temp file removed");
        }
    }

    @Test
    void gzExtensionCompresses() throws IOException {
        Path dest = dir.resolve("out.csv.gz");
        try (AtomicOutput out = AtomicOutput.create(dest)) {
            out.stream().write("a,b\n".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        assertTrue(AtomicOutput.isGzip(dest));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dest))) {
            assertArrayEquals("a,b\n".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }
}
