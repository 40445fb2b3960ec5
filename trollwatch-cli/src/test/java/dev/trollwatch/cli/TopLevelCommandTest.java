package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopLevelCommandTest {
    @Test
    void helpListsExitCodesAndExitsZero() {
        CliRunner.Result r = CliRunner.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Usage: trollwatch"), r.out());
        assertTrue(r.out().contains("quality gate"), r.out());
        assertTrue(r.out().contains("4  internal error"), r.out());
    }

    @Test
    void versionNamesProjectVersion() {
        CliRunner.Result r = CliRunner.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().matches("(?s)trollwatch \\d+\\.\\d+\\.\\d+.*\\(commit .+\\).*"), r.out());
    }

    @Test
    void unknownOptionIsUsageError() {
        CliRunner.Result r = CliRunner.run("--no-such-option");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertTrue(r.err().contains("--no-such-option"), r.err());
    }

    @Test
    void missingSubcommandIsUsageError() {
        CliRunner.Result r = CliRunner.run();
        assertEquals(ExitCode.USAGE, r.exitCode());
    }

    @Test
    void aLineThatDoesNotParseIsOneTrollwatchLineNotTheWholeUsage() {
        CliRunner.Result r = CliRunner.run("generate", "--rows", "10", "--seed", "abc");
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertEquals("trollwatch: Invalid value for option '--seed': 'abc' is not a long\n"
                + "Try 'trollwatch generate --help' for more information.\n", r.err().replace("\r\n", "\n"));
        CliRunner.Result typo = CliRunner.run("train", "--in", "x.csv", "--out", "m", "--max-dept", "3");
        assertEquals(ExitCode.USAGE, typo.exitCode());
        assertTrue(typo.err().startsWith("trollwatch: Unknown options: '--max-dept', '3'"), typo.err());
        assertTrue(typo.err().contains("--max-depth"), "picocli's suggestion is kept: " + typo.err());
        assertFalse(typo.err().contains("Usage:"), typo.err());
        CliRunner.Result none = CliRunner.run();
        assertTrue(none.err().startsWith("trollwatch: Missing subcommand: choose one of generate"), none.err());
        assertTrue(none.err().endsWith("Try 'trollwatch --help' for more information." + System.lineSeparator()), none.err());
    }

    @Test
    void aBareFileNameIsToldThatOptionsAreNamed() {
        // was "Unmatched argument at index 1: 'new.csv.gz'" and nothing more
        CliRunner.Result r = CliRunner.run("features", "new.csv.gz");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("trollwatch: Unmatched argument at index 1: 'new.csv.gz' (options are named: --in "),
                r.err());
    }

    @Test
    void quietAndVerboseTogetherAreAUsageError() {
        for (String[] args : java.util.List.of(new String[] {"-q", "-v", "generate", "--rows", "1"},
                new String[] {"generate", "-v", "--rows", "1", "--quiet"}, new String[] {"-v", "generate", "-q", "--rows", "1"})) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(ExitCode.USAGE, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("-q/--quiet and -v/--verbose are opposites: use one"), r.err());
            assertEquals("", r.out());
        }
        assertEquals(0, CliRunner.run("-q", "generate", "--rows", "1", "-q").exitCode());
    }
}
