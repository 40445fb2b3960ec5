package dev.trollwatch.cli;

import java.util.List;

/**
 * Refuses {@code -} for an output that can only be a file. {@code -} means stdout where a command's
 * result is one stream ({@code features}, {@code predict}); {@code train} and {@code evaluate} print
 * their report there, so {@code --metrics-json -} or {@code --report -} quietly made a file named
 * {@code -} in the working directory, and {@code train --out -} a model set named {@code -.json}.
 */
final class DashOutputCheck {
    private DashOutputCheck() {
    }

    /** A usage error for the first of {@code outputs} given as {@code -}. */
    static void refuse(List<InputOverwriteCheck.Named> outputs) {
        for (InputOverwriteCheck.Named output : outputs) {
            if (output.path() != null && output.path().toString().equals("-")) {
                throw new UsageException(output.option() + " - : this output is a file, and stdout carries the report;"
                        + " give a file name");
            }
        }
    }
}
