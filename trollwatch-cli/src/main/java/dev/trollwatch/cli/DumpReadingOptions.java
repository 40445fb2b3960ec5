package dev.trollwatch.cli;

import dev.trollwatch.io.dump.ErrorPolicy;
import dev.trollwatch.io.dump.InputFormat;
import dev.trollwatch.pipeline.LabelledInput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How {@code train} and {@code evaluate} read a raw dump (a features CSV needs none of these). */
public final class DumpReadingOptions {
    @Option(names = "--format", paramLabel = "FORMAT", converter = DumpInputOptions.FormatConverter.class,
            completionCandidates = DumpInputOptions.FormatNames.class,
            description = "Format of a raw dump, one of: ${COMPLETION-CANDIDATES}. Default: a features CSV is recognised"
                    + " by its header, a dump's format is detected.")
    InputFormat format;

    @Option(names = "--on-error", paramLabel = "fail|skip", defaultValue = "fail",
            description = "On a malformed dump row: fail (stop with its file:line:column) or skip it. Default: ${DEFAULT-VALUE}.")
    DumpInputOptions.OnError onError;

    @Option(names = "--max-errors", paramLabel = "N",
            description = "With --on-error skip: fail once more than N rows were skipped. Default: no limit.")
    Long maxErrors;

    @Option(names = "--max-record-chars", paramLabel = "N", defaultValue = "" + ErrorPolicy.DEFAULT_MAX_RECORD_CHARS,
            description = "Longest dump record accepted, in characters; a longer one fails with its file:line."
                    + " Default: ${DEFAULT-VALUE}.")
    int maxRecordChars;

    @Mixin
    FeaturizerThreadsOption threadsOption;

    LabelledInput.DumpOptions toOptions() {
        return new LabelledInput.DumpOptions(format, DumpInputOptions.policy(onError, maxErrors, maxRecordChars), threadsOption.count());
    }
}
