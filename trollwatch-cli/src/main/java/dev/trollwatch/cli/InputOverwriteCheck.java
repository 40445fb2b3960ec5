package dev.trollwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses, before any work, an output file that is one of the command's own inputs: the output's
 * atomic move would replace the dump or model the user read from, and the data would be gone
 * (features --in d.csv --out d.csv "succeeded" and left only the features).
 *
 * <p>Only an existing regular file can clash: a new path is no input, and devices and FIFOs are
 * written in place, so {@code --in /dev/stdin --out /dev/stdout} on one terminal stays allowed.
 */
final class InputOverwriteCheck {
    /** A file as the user gave it, with the option that named it. */
    record Named(String option, Path path) {
    }

    private InputOverwriteCheck() {
    }

    /** {@link #requireDistinct(String, Path, String, Path)} for every output against every input. */
    static void requireDistinct(List<Named> outputs, List<Named> inputs) {
        for (Named output : outputs) {
            for (Named input : inputs) {
                requireDistinct(output.option(), output.path(), input.option(), input.path());
            }
        }
    }

    /**
     * Throws a usage error when {@code output} names the same file as {@code input}.
     *
     * @param outputOption how the user named the output, e.g. {@code --out}
     * @param inputOption how the user named the input, e.g. {@code --in}
     */
    static void requireDistinct(String outputOption, Path output, String inputOption, Path input) {
        if (output == null || input == null || !Files.isRegularFile(output) || !Files.exists(input)) {
            return;
        }
        boolean same;
        try {
            same = Files.isSameFile(output, input);
        } catch (IOException unreadable) {
            return; // opening the input or output names the file and the cause
        }
        if (same) {
            throw new UsageException(outputOption + " " + output + " is the " + inputOption + " file " + input
                    + ": writing it would replace that input; choose another " + outputOption);
        }
    }
}
