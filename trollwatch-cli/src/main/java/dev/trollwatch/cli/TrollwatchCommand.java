package dev.trollwatch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code trollwatch} command: only dispatches to subcommands. */
@Command(
        name = "trollwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Train and evaluate a model that screens Reddit comments: normal user, bot or troll.",
            "Results go to stdout; logs and progress to stderr."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  failure (I/O, bad data, unusable model, out of memory)",
            "  2  usage error (bad option or argument)",
            "  3  a quality gate failed (evaluate --min-*)",
            "  4  internal error: a bug in trollwatch (please report it)"},
        subcommands = {GenerateCommand.class, ExportCommand.class, FeaturesCommand.class, TrainCommand.class,
            EvaluateCommand.class, PredictCommand.class, ServeCommand.class, StreamCommand.class,
            ImportSklearnCommand.class})
public final class TrollwatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
