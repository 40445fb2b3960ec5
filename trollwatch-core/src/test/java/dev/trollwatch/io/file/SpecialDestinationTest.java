package dev.trollwatch.io.file;

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
        Path stale = Files.writeString(dir.resolve(".m.json." + dead + ".123.tmp"), "left by kill -9");
        Path mine = Files.writeString(dir.resolve(".m.json." + ProcessHandle.current().pid() + ".456.tmp"), "in use");
        Path other = Files.writeString(dir.resolve(".other.json." + dead + ".1.tmp"), "another file's");
        write(dest, "{}");
        assertFalse(Files.exists(stale));
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
