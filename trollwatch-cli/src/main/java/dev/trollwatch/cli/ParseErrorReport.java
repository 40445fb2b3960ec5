package dev.trollwatch.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot parse (unknown option, missing value, {@code --seed abc}) told as every
 * other usage error is: one {@code trollwatch:} line, picocli's "did you mean" when it has one, and a
 * pointer to {@code --help}; not picocli's default of the message buried above the whole usage text.
 */
final class ParseErrorReport implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("trollwatch: " + ex.getMessage() + positionalHint(ex, cmd));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * "trollwatch features new.csv.gz" said only "Unmatched argument at index 1": no command takes a
     * bare file name, and the hint says how it is given.
     */
    private static String positionalHint(ParameterException ex, CommandLine cmd) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()
                || u.getUnmatched().get(0).startsWith("-")) {
            return "";
        }
        CommandLine.Model.OptionSpec in = cmd.getCommandSpec().findOption("--in");
        return in != null ? " (options are named: --in " + in.paramLabel() + ")" : " (options are named: see --help)";
    }
}
