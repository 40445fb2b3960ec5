package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output that names one of the command's inputs is a usage error before any work: the output's atomic
 * move used to replace the input ({@code features --in d.csv --out d.csv} exited 0 and the dump was gone).
 */
class InputOverwriteTest {
    @TempDir
    static Path dir;

    private static Path dump;
    private static byte[] dumpBytes;
    private static Path modelBase;
    private static byte[] modelJsonBytes;

    @BeforeAll
    static void dumpAndModel() throws IOException {
        dump = dir.resolve("dump.csv");
        assertEquals(ExitCode.OK, CliRunner.run("generate", "--rows", "400", "--out", dump.toString()).exitCode());
        dumpBytes = Files.readAllBytes(dump);
        modelBase = dir.resolve("m");
        CliRunner.Result trained = CliRunner.run("train", "--in", dump.toString(), "--out", modelBase.toString());
        assertEquals(ExitCode.OK, trained.exitCode(), trained.err());
        modelJsonBytes = Files.readAllBytes(Path.of(modelBase + ".json"));
    }

    /** Runs trollwatch in a child JVM whose stdin is {@code stdin}, or closed ({@code <&-}) when null. */
    private static CliRunner.Result withStdin(Path stdin, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", "-c", stdin == null ? "exec \"$@\" <&-" : "exec \"$@\"", "sh"));
        cmd.addAll(ProcessRunner.command("256m", args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "trollwatch did not finish");
        return new CliRunner.Result(p.exitValue(), "", Files.readString(err));
    }

    /** Runs {@code script} in {@code sh -c}, in the test folder, with "$@" the trollwatch command for {@code args}. */
    private static int shell(String script, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", "-c", script, "sh"));
        cmd.addAll(ProcessRunner.command("256m", args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "trollwatch did not finish");
        return p.exitValue();
    }

    @Test
    void stdoutAsAnOutputSharesTheShellsFileAndALinkToItIsStdoutToo() throws Exception {
        // reopened in append mode, /dev/stdout lost the shell's offset: "echo post" landed over the header
        assertEquals(0, shell("( echo pre; \"$@\"; echo post ) > shared.txt", "-q", "generate", "--rows", "1",
                "--out", "/dev/stdout"));
        List<String> lines = Files.readAllLines(dir.resolve("shared.txt"));
        assertEquals("pre", lines.get(0));
        assertTrue(lines.get(1).startsWith("banned_by,"), lines.toString());
        assertEquals("post", lines.get(lines.size() - 1));
        // a link to /dev/stdout was taken for the regular file it resolved to, and replaced it
        Files.createSymbolicLink(dir.resolve("to-stdout"), Path.of("/dev/stdout"));
        assertEquals(0, shell("echo HEADER > appended.txt; \"$@\" >> appended.txt", "-q", "generate", "--rows", "1",
                "--out", "to-stdout"));
        List<String> appended = Files.readAllLines(dir.resolve("appended.txt"));
        assertEquals("HEADER", appended.get(0));
        assertTrue(appended.get(1).startsWith("banned_by,"), appended.toString());
    }

    @Test
    void aLinkToAClosedStdinIsSaidToBeClosed() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("to-stdin"), Path.of("/dev/stdin"));
        CliRunner.Result r = withStdin(null, "features", "--in", link.toString(), "--out", dir.resolve("never.csv").toString());
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("standard input is closed"), r.err());
    }

    @Test
    void modelFilesNamedInCapitalsOrGzippedAreProtectedToo() throws Exception {
        Path upper = Files.write(dir.resolve("M.JSON"), modelJsonBytes);
        refused("--model", "predict", "--model", upper.toString(), "--in", dump.toString(), "--out", upper.toString());
        assertArrayEquals(modelJsonBytes, Files.readAllBytes(upper));
    }

    @Test
    void twoNewOutputsThatAreOneFileThroughALinkAreRefused() throws Exception {
        // L -> . : "--dot L/m.json" and the model's m.json were compared as text, and the DOT replaced the model
        Path folder = Files.createDirectories(dir.resolve("aliased"));
        Files.createSymbolicLink(folder.resolve("L"), Path.of("."));
        refused("is also the", "train", "--in", dump.toString(), "--out", folder.resolve("m").toString(),
                "--dot", folder.resolve("L/m.json").toString());
        assertTrue(Files.notExists(folder.resolve("m.json")));
    }

    @Test
    void stdinRedirectedFromTheOutputFileIsRefusedAsThatFileWouldBe() throws Exception {
        // "--in - --out d.csv < d.csv" exited 0 and left only the features, as "--in d.csv" no longer does
        Path copy = Files.write(dir.resolve("stdin-dump.csv"), dumpBytes);
        CliRunner.Result r = withStdin(copy, "features", "--in", "-", "--out", copy.toString());
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("is the --in file /dev/stdin"), r.err());
        assertArrayEquals(dumpBytes, Files.readAllBytes(copy));
    }

    @Test
    void aClosedStdinIsSaidToBeClosedNotReadAsTheJvmsOwnFile() throws Exception {
        // with fd 0 closed the JVM's first file took it, and reading "stdin" said "invalid UTF-8" of the JDK
        CliRunner.Result r = withStdin(null, "features", "--in", "-", "--out", dir.resolve("closed.csv").toString());
        assertEquals(ExitCode.FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("<stdin>: standard input is closed"), r.err());
    }

    private static void refused(String expected, String... args) throws IOException {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertArrayEquals(dumpBytes, Files.readAllBytes(dump), "the dump is untouched");
        assertArrayEquals(modelJsonBytes, Files.readAllBytes(Path.of(modelBase + ".json")), "the model is untouched");
    }

    @Test
    void featuresExportAndPredictRefuseToReplaceTheirDump() throws IOException {
        String sameFileOtherSpelling = dir.resolve(".").resolve("dump.csv").toString();
        refused("--out " + sameFileOtherSpelling + " is the --in file " + dump,
                "features", "--in", dump.toString(), "--out", sameFileOtherSpelling);
        refused("is the --in file", "export", "--in", dump.toString(), "--out", dump.toString());
        refused("is the --in file", "predict", "--in", dump.toString(), "--model", modelBase.toString(),
                "--out", dump.toString());
    }

    @Test
    void aLinkToTheDumpIsTheDumpToo() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), dump);
        refused("is the --in file", "features", "--in", dump.toString(), "--out", link.toString());
    }

    @Test
    void predictRefusesToReplaceItsModel() throws IOException {
        refused("--out " + modelBase + ".json is the --model file",
                "predict", "--in", dump.toString(), "--model", modelBase.toString(), "--out", modelBase + ".json");
    }

    @Test
    void trainAndEvaluateRefuseToReplaceWhatTheyRead() throws IOException {
        Path features = dir.resolve("features.csv");
        assertEquals(ExitCode.OK, CliRunner.run("features", "--in", dump.toString(), "--out", features.toString()).exitCode());
        byte[] featureBytes = Files.readAllBytes(features);
        refused("--metrics-json " + features + " is the --in file", "train", "--in", features.toString(),
                "--out", dir.resolve("t").toString(), "--metrics-json", features.toString());
        refused("--report " + dump + " is the --test file", "train", "--in", features.toString(),
                "--test", dump.toString(), "--out", dir.resolve("t").toString(), "--report", dump.toString());
        refused("--out " + modelBase + ".json is the --in file", "train", "--in", modelBase + ".json",
                "--out", modelBase.toString());
        refused("--report " + modelBase + ".json is the --model file",
                "evaluate", "--in", dump.toString(), "--model", modelBase.toString(), "--report", modelBase + ".json");
        refused("--metrics-json " + dump + " is the --in file",
                "evaluate", "--in", dump.toString(), "--model", modelBase.toString(), "--metrics-json", dump.toString());
        assertArrayEquals(featureBytes, Files.readAllBytes(features));
        assertTrue(Files.notExists(dir.resolve("t.json")), "nothing was trained");
    }

    @Test
    void twoOutputsOfOneCommandMayNotNameTheSameFile() throws IOException {
        // Found by probing: each exited 0, and the later write replaced the earlier
        // (train --dot t.json left a DOT file as the .json model).
        Path t = dir.resolve("two");
        refused("--dot " + t + ".json is also the --out file " + t + ".json", "train", "--in", dump.toString(),
                "--out", t.toString(), "--dot", t + ".json");
        refused("--metrics-json " + t + ".model is also the --out file", "train", "--in", dump.toString(),
                "--out", t.toString(), "--metrics-json", t + ".model");
        refused("--report " + dir.resolve("r.html") + " is also the --metrics-json file", "train", "--in", dump.toString(),
                "--out", t.toString(), "--metrics-json", dir.resolve("r.html").toString(), "--report", dir.resolve("r.html").toString());
        assertTrue(Files.notExists(Path.of(t + ".json")), "nothing was trained");
        refused("--report " + dir.resolve("x.json") + " is also the --metrics-json file", "evaluate", "--in", dump.toString(),
                "--model", modelBase.toString(), "--metrics-json", dir.resolve("x.json").toString(),
                "--report", dir.resolve("x.json").toString());
        // The model set is the input, not only the file loaded: its Weka file was replaced by the report.
        byte[] weka = Files.readAllBytes(Path.of(modelBase + ".model"));
        refused("--report " + modelBase + ".model is the --model file " + modelBase + ".model", "evaluate",
                "--in", dump.toString(), "--model", modelBase + ".json", "--report", modelBase + ".model");
        assertArrayEquals(weka, Files.readAllBytes(Path.of(modelBase + ".model")));
        // Devices are written in place: several outputs may go to /dev/null.
        CliRunner.Result devNull = CliRunner.run("evaluate", "--in", dump.toString(), "--model", modelBase.toString(),
                "--metrics-json", "/dev/null", "--report", "/dev/null");
        assertEquals(ExitCode.OK, devNull.exitCode(), devNull.err());
    }

    @Test
    void aNewOrDistinctOutputIsFine() throws IOException {
        Path out = dir.resolve("out.csv");
        assertEquals(ExitCode.OK, CliRunner.run("export", "--in", dump.toString(), "--out", out.toString()).exitCode());
        assertEquals(ExitCode.OK, CliRunner.run("export", "--in", dump.toString(), "--out", out.toString()).exitCode(),
                "an existing output that is no input is replaced as before");
        assertTrue(Files.size(out) > 0);
    }
}
