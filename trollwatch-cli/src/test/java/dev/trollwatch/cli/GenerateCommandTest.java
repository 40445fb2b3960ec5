package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.generate.GeneratorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void theHelpsDefaultMixIsTheGeneratorsOwn() {
        // picocli needs the defaults as string literals; they must not drift from the library's
        var spec = new picocli.CommandLine(new GenerateCommand()).getCommandSpec();
        assertEquals(GeneratorSettings.DEFAULT_BOT_FRACTION, Double.parseDouble(spec.findOption("--bot-fraction").defaultValue()));
        assertEquals(GeneratorSettings.DEFAULT_TROLL_FRACTION, Double.parseDouble(spec.findOption("--troll-fraction").defaultValue()));
    }

    @Test
    void writesAGzippedCsvFileWhenOutEndsInGz() throws IOException {
        Path out = dir.resolve("sample.csv.gz");
        CliRunner.Result r = CliRunner.run("generate", "--rows", "200", "--seed", "4", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(text.startsWith("banned_by,no_follow,link_id,"));
        assertEquals("", r.out(), "nothing on stdout when writing a file");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void writesToStdoutWithoutOutAndTheSameSeedGivesTheSameBytes() throws IOException {
        CliRunner.Result r = CliRunner.run("generate", "--rows", "50", "--seed", "9", "--format", "psql");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().endsWith("(50 rows)\n"));
        Path out = dir.resolve("same.psql");
        assertEquals(0, CliRunner.run("generate", "--rows", "50", "--seed", "9", "--format", "psql", "--out",
                out.toString()).exitCode());
        assertArrayEquals(r.out().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out));
    }

    @Test
    void dashMeansStdout() {
        CliRunner.Result r = CliRunner.run("generate", "--rows", "3", "--format", "jsonl", "--out", "-");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, r.out().lines().count());
        assertFalse(Files.exists(Path.of("-")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--rows=-1", "--bot-fraction=1.5", "--troll-fraction=-0.1", "--bot-fraction=0.7 --troll-fraction=0.4",
        "--format=xml", "--rows=many", "--no-such-option"})
    void badOptionsExitWith2AndSayWhy(String options) {
        String[] args = ("generate --out " + dir.resolve("x.csv") + " " + options).split(" ");
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertFalse(r.err().isBlank());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void anUnwritableOutExitsWith1AndAOneLineMessage() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        CliRunner.Result r = CliRunner.run("generate", "--rows", "5", "--out", notADirectory.resolve("a.csv").toString());
        assertEquals(ExitCode.FAILURE, r.exitCode());
        assertTrue(r.err().startsWith("trollwatch: error: "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void helpDescribesTheOptionsWithDefaults() {
        CliRunner.Result r = CliRunner.run("generate", "--help");
        assertEquals(0, r.exitCode());
        for (String s : new String[] {"--rows", "--seed", "--format", "--out", "--bot-fraction", "--troll-fraction",
            "0.153", "0.070", "csv, psql", "jsonl"}) {
            assertTrue(r.out().contains(s), "help mentions " + s + ":\n" + r.out());
        }
    }
}
