package dev.trollwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.InvalidParameterException;
import dev.trollwatch.TrollwatchException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Every way a command can fail ends in one line on stderr and a documented exit code. */
class FailuresTest {
    /** Fails the way it is told to, for real: a bad input, a bug, a real heap or stack exhaustion. */
    @Command(name = "fail")
    static final class FailingCommand implements Callable<Integer> {
        @Option(names = "--how")
        String how;

        @Mixin
        LoggingOptions logging;

        @Override
        public Integer call() {
            switch (how) {
                case "bad-data" -> throw new TrollwatchException("data.csv:3: column score: expected a number, got \"x\"");
                case "bug" -> throw new IllegalStateException("no such state");
                case "heap" -> {
                    long[] tooBig = new long[Integer.MAX_VALUE]; // OutOfMemoryError: beyond any heap limit
                    return tooBig.length;
                }
                case "stack" -> {
                    return recurse(0);
                }
                case "usage" -> throw new UsageException("--a and --b are alternatives: use one");
                case "parameter" -> throw new InvalidParameterException(List.of("bot_fraction", "troll_fraction"),
                        "must be <= 1, got 1.5");
                default -> {
                    return ExitCode.OK;
                }
            }
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    private record Outcome(int code, String err) {
    }

    private static Outcome run(String... args) {
        return runAs("fail", args);
    }

    private static Outcome runAs(String commandName, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.configure(new CommandLine(new FailingCommand()).setCommandName(commandName));
        cl.setErr(new PrintWriter(err, true));
        int code = Main.execute(cl, args);
        LoggingOptions.reset();
        return new Outcome(code, err.toString());
    }

    private static void assertOneLine(String err) {
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void badDataIsFailure() {
        Outcome o = run("--how", "bad-data");
        assertEquals(ExitCode.FAILURE, o.code());
        assertEquals("trollwatch: error: data.csv:3: column score: expected a number, got \"x\"", o.err().strip());
    }

    @Test
    void aBugIsInternalErrorInOneLine() {
        Outcome o = run("--how", "bug");
        assertEquals(ExitCode.INTERNAL, o.code());
        assertOneLine(o.err());
        assertTrue(o.err().startsWith("trollwatch: internal error"), o.err());
        assertTrue(o.err().contains("IllegalStateException: no such state"), o.err());
    }

    @Test
    void verboseShowsTheStackTraceOfABug() {
        Outcome o = run("--verbose", "--how", "bug");
        assertEquals(ExitCode.INTERNAL, o.code());
        assertTrue(o.err().contains("\tat dev.trollwatch.cli.FailuresTest$FailingCommand.call"), o.err());
    }

    @Test
    void outOfMemoryIsFailureWithAHeapHint() {
        Outcome o = run("--how", "heap");
        assertEquals(ExitCode.FAILURE, o.code());
        assertOneLine(o.err());
        assertTrue(o.err().startsWith("trollwatch: error: out of memory"), o.err());
        assertTrue(o.err().contains("-Xmx"), o.err());
        // a streaming command's memory does not grow with its rows: fewer would not help
        assertFalse(o.err().contains("fewer rows"), o.err());
    }

    @Test
    void outOfMemoryInACommandThatHoldsItsRowsAlsoSuggestsFewerRows() {
        for (String command : new String[] {"train", "evaluate"}) {
            Outcome o = runAs(command, "--how", "heap");
            assertEquals(ExitCode.FAILURE, o.code());
            assertTrue(o.err().strip().endsWith("or use fewer rows"), o.err());
        }
    }

    @Test
    void stackOverflowIsInternalErrorInOneLine() {
        Outcome o = run("--how", "stack");
        assertEquals(ExitCode.INTERNAL, o.code());
        assertOneLine(o.err());
        assertTrue(o.err().contains("stack overflow"), o.err());
    }

    @Test
    void usageProblemIsUsageError() {
        Outcome o = run("--how", "usage");
        assertEquals(ExitCode.USAGE, o.code());
        assertTrue(o.err().startsWith("trollwatch: --a and --b are alternatives: use one"), o.err());
    }

    @Test
    void aCoreParameterProblemIsToldWithTheOptionNames() {
        Outcome o = run("--how", "parameter");
        assertEquals(ExitCode.USAGE, o.code());
        assertTrue(o.err().startsWith("trollwatch: --bot-fraction + --troll-fraction must be <= 1, got 1.5\n"), o.err());
    }
}
