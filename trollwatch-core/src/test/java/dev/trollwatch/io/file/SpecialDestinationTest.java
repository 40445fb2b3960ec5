package dev.trollwatch.io.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devices, FIFOs and links are written in place, never replaced; stale temp files are swept; errors name the file. */
class SpecialDestinationTest {
    @TempDir
    Path dir;

    private static void write(Path dest, String text) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(dest)) {
            out.stream().write(text.getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }

    @Test
    void devNullStaysTheDevice() throws IOException {
        write(Path.of("/dev/null"), "discarded");
        assertFalse(Files.isRegularFile(Path.of("/dev/null")), "/dev/null must still be a device");
        assertTrue(Files.exists(Path.of("/dev/null")));
    }

    @Test
    void aFifoIsWrittenInPlaceForItsReader() throws Exception {
        Path fifo = dir.resolve("out.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        AtomicReference<String> read = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                read.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                read.set("failed: " + e);
            }
        });
        reader.start();
        write(fifo, "through the pipe");
        reader.join(30_000);
        assertEquals("through the pipe", read.get());
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "the FIFO must not become a file");
        assertEquals(0, temps().count());
    }

    @Test
    void aRegularFileUnderDevIsReplacedNotAppendedTo() throws IOException {
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no writable /dev/shm");
        Path file = shm.resolve("trollwatch-test-" + ProcessHandle.current().pid() + ".csv");
        try {
            write(file, "first\n");
            write(file, "second\n"); // run twice, the file held both (written in place, in append mode)
            assertEquals("second\n", Files.readString(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aRelativeLinkReachedThroughALinkedFolderPointsWhereTheKernelSays() throws IOException {
        // ldir -> deep/a/b, and deep/a/b/out.csv -> ../real.csv: the kernel reads deep/a/real.csv, and
        // resolving ".." as text picked ./real.csv (here, the command's own input)
        Path b = Files.createDirectories(dir.resolve("deep/a/b"));
        Path ldir = Files.createSymbolicLink(dir.resolve("ldir"), Path.of("deep/a/b"));
        Files.createSymbolicLink(b.resolve("out.csv"), Path.of("../real.csv"));
        Path decoy = Files.writeString(dir.resolve("real.csv"), "the input");
        Path meant = Files.writeString(dir.resolve("deep/a/real.csv"), "old");
        write(ldir.resolve("out.csv"), "new");
        assertEquals("new", Files.readString(meant));
        assertEquals("the input", Files.readString(decoy));
        Files.delete(meant); // dangling now: written through, to the same place
        write(ldir.resolve("out.csv"), "again");
        assertEquals("again", Files.readString(meant));
        assertEquals("the input", Files.readString(decoy));
    }

    @Test
    void aNewFileGetsTheUmasksModeAndAReplacedFileKeepsItsOwn() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe")); // what the shell's > would create here
        Path fresh = dir.resolve("fresh.csv");
        write(fresh, "x");
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(fresh));
        Path secret = Files.writeString(dir.resolve("secret.csv"), "old");
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        write(secret, "new"); // it became rw-r--r--: a private file, readable by all once rewritten
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
    }

    @Test
    void aFileMadeReadOnlyIsTreatedAsTheShellsRedirectTreatsIt() throws IOException {
        // it was replaced (the folder was writable) where "> locked.csv" says permission denied
        Path locked = Files.writeString(dir.resolve("locked.csv"), "keep");
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        if (Files.isWritable(locked)) { // root: the shell writes it too, and so does this
            write(locked, "new");
            assertEquals("new", Files.readString(locked));
            return;
        }
        IOException e = assertThrows(IOException.class, () -> write(locked, "new"));
        assertEquals(locked + ": permission denied", e.getMessage());
        assertEquals("keep", Files.readString(locked));
    }

    @Test
    void aNameNearTheLengthLimitStillGetsItsTempFile() throws IOException {
        Path longest = dir.resolve("a".repeat(251) + ".csv"); // 255 bytes: the longest name a file may have
        write(longest, "x");
        assertEquals("x", Files.readString(longest));
        assertEquals(0, temps().count());
    }

    @Test
    void theNameGivenDecidesCompressionNotTheNameOfALinksTarget() throws IOException {
        Path plainTarget = dir.resolve("plain.data");
        Path gzLink = Files.createSymbolicLink(dir.resolve("o.csv.gz"), plainTarget);
        write(gzLink, "x");
        byte[] bytes = Files.readAllBytes(plainTarget);
        assertTrue(bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b, "gzip expected");
    }

    @Test
    void noPathMayLeadIntoTheRunningJavaRuntime() throws IOException {
        // a link to /dev/stdout when stdout was closed, or /dev/fd/3, led to the JDK's lib/modules
        Path release = Path.of(System.getProperty("java.home"), "release");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(release), "no java.home/release here");
        assertTrue(RuntimeFiles.contains(release.toRealPath())); // checked first: the write below must be refused
        byte[] before = Files.readAllBytes(release);
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), release);
        IOException e = assertThrows(IOException.class, () -> write(link, "x"));
        assertTrue(e.getMessage().contains("a file of the running Java runtime"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(release));
        Path descriptor = jvmDescriptor();
        if (descriptor != null) { // the JVM's own open file, by the name the shell would give it
            assertTrue(RuntimeFiles.contains(RealPaths.of(descriptor)));
            long size = Files.size(RealPaths.of(descriptor));
            assertThrows(IOException.class, () -> write(descriptor, "x"));
            assertEquals(size, Files.size(RealPaths.of(descriptor)));
        }
    }

    /** {@code /proc/self/fd/N} for a descriptor the JVM opened on one of its own files (lib/modules), or null. */
    private static Path jvmDescriptor() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return null;
        }
        try (Stream<Path> all = Files.list(fds)) {
            for (Path fd : all.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.isAbsolute() && Files.isRegularFile(target) && RuntimeFiles.contains(target.toRealPath())
                            && Integer.parseInt(fd.getFileName().toString()) > 2) {
                        return fd;
                    }
                } catch (IOException | NumberFormatException e) {
                    // a descriptor closed meanwhile, or not a file
                }
            }
        }
        return null;
    }

    @Test
    void aReplacingTempFileHasTheTargetsModeFromTheStartAndItsOwner() throws IOException {
        Path secret = Files.writeString(dir.resolve("private.csv"), "old");
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (AtomicOutput out = AtomicOutput.create(secret)) {
            // before any byte: a chmod after creation let another user open the temp file in between
            try (Stream<Path> t = temps()) {
                Path temp = t.findFirst().orElseThrow();
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)));
            }
            out.stream().write('x');
            out.commit();
        }
        java.nio.file.attribute.UserPrincipal nobody;
        try {
            nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(secret, nobody);
        } catch (IOException e) {
            return; // not root: giving a file away is not allowed, and there is no owner to keep
        }
        write(secret, "new"); // root replacing nobody's file gave it to root
        assertEquals(nobody, Files.getOwner(secret));
    }

    @Test
    void theProcesssOwnDescriptorsAreKnownByTheirNames() {
        assertTrue(StandardStreams.isOwnDescriptor(Path.of("/dev/stdout")));
        assertTrue(StandardStreams.isOwnDescriptor(Path.of("/dev/fd/63")));
        assertTrue(StandardStreams.isOwnDescriptor(Path.of("/proc/self/fd/1")));
        assertFalse(StandardStreams.isOwnDescriptor(Path.of("/dev/shm/x.csv")));
        assertFalse(StandardStreams.isOwnDescriptor(Path.of("/proc/1/fd/1")));
        assertEquals(1, StandardStreams.descriptorOf(Path.of("/dev/fd/1")));
        assertEquals(0, StandardStreams.descriptorOf(Path.of("/dev/stdin")));
        assertEquals(-1, StandardStreams.descriptorOf(Path.of("/dev/fd/63")));
        assertEquals(-1, StandardStreams.descriptorOf(Path.of("/dev/fd/99999999999999999999")));
    }

    @Test
    void aLinkToAFileKeepsBeingALink() throws IOException {
        Path target = Files.writeString(dir.resolve("target.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
        write(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void aDirectoryIsRefusedByName() {
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.create(dir));
        assertEquals(dir + ": is a directory, not a file to write", e.getMessage());
    }

    @Test
    void aFullDeviceNamesTheFileInTheError() {
        IOException e = assertThrows(IOException.class, () -> write(Path.of("/dev/full"), "x".repeat(1 << 17)));
        assertTrue(e.getMessage().startsWith("/dev/full: "), e.getMessage());
    }

    @Test
    void tempFilesOfDeadProcessesAreSweptAndLiveOnesKept() throws IOException {
        Path dest = dir.resolve("m.json");
        long dead = deadPid();
        java.nio.file.attribute.FileTime twoHoursAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(2)));
        Path stale = Files.writeString(dir.resolve(".m.json." + dead + ".123.tmp"), "left by kill -9");
        Files.setLastModifiedTime(stale, twoHoursAgo);
        // a dead-looking pid whose file is being written: another PID namespace's live writer
        Path fresh = Files.writeString(dir.resolve(".m.json." + dead + ".789.tmp"), "written just now");
        Path mine = Files.writeString(dir.resolve(".m.json." + ProcessHandle.current().pid() + ".456.tmp"), "in use");
        Files.setLastModifiedTime(mine, twoHoursAgo);
        Path other = Files.writeString(dir.resolve(".other.json." + dead + ".1.tmp"), "another file's");
        Files.setLastModifiedTime(other, twoHoursAgo);
        write(dest, "{}");
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh), "a temp written within the hour is left alone");
        assertTrue(Files.exists(mine));
        assertTrue(Files.exists(other), "only temps of this destination are touched");
    }

    private Stream<Path> temps() throws IOException {
        return Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    /** A process id that is not running: a child that has exited. */
    private static long deadPid() throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return p.pid();
    }
}
