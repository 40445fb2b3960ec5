package dev.trollwatch.cli;

import dev.trollwatch.io.file.RealPaths;
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
 * Two outputs of one command are refused the same way when they name one file, existing or not:
 * the later write would replace the earlier ({@code train --dot m.json} replaced the model).
 */
final class InputOverwriteCheck {
    /** A file as the user gave it, with the option that named it. */
    record Named(String option, Path path) {
    }

    /** Standard input as a path: what the shell redirected it from, when that is a file. */
    static final Path STDIN = Path.of("/dev/stdin");

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

    /** A usage error when two of {@code outputs} name the same file (devices and FIFOs may be shared). */
    static void requireDistinctOutputs(List<Named> outputs) {
        for (int i = 0; i < outputs.size(); i++) {
            for (int j = i + 1; j < outputs.size(); j++) {
                Named a = outputs.get(i);
                Named b = outputs.get(j);
                if (a.path() != null && b.path() != null && sameOutput(a.path(), b.path())) {
                    throw new UsageException(b.option() + " " + b.path() + " is also the " + a.option() + " file "
                            + a.path() + ": one would replace the other; choose another " + b.option());
                }
            }
        }
    }

    private static boolean sameOutput(Path a, Path b) {
        if (Files.exists(a) && !Files.isRegularFile(a)) {
            return false; // a device or FIFO is written in place: /dev/null may take several outputs
        }
        // as the kernel resolves them, for files not written yet too: L/m.json (L -> .) is m.json
        if (RealPaths.orAbsolute(a).equals(RealPaths.orAbsolute(b))) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException unreadable) {
            return false; // writing the output names the file and the cause
        }
    }

    /**
     * Throws a usage error when {@code output} names the same file as {@code input}.
     *
     * @param outputOption how the user named the output, e.g. {@code --out}
     * @param inputOption how the user named the input, e.g. {@code --in}
     */
    static void requireDistinct(String outputOption, Path output, String inputOption, Path input) {
        if (input != null && input.toString().equals("-")) {
            input = STDIN; // "< d.csv --in - --out d.csv" replaced the dump as surely as "--in d.csv" would
        }
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
