package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
