/**
 * The command line, the only layer that talks to the user: one small picocli class per subcommand,
 * shared option mixins ({@code OutputOption}, {@code EvaluationOptions}, {@code DumpInputOptions}, …),
 * progress on stderr, and {@link dev.trollwatch.cli.Failures}, which turns every failure into one
 * line and an exit code ({@link dev.trollwatch.cli.ExitCode}: 0 ok, 1 failure, 2 usage, 3 quality
 * gate, 4 internal error). Commands parse options, call {@code pipeline} (or {@code serve},
 * {@code generate}, the formats) and print; they hold no data-format, feature or modelling logic.
 * May use every package; the only one that imports picocli, writes to System.out/err or exits.
 */
package dev.trollwatch.cli;
