package dev.trollwatch.cli;

import dev.trollwatch.io.file.AtomicOutput;
import dev.trollwatch.report.HtmlReport;
import dev.trollwatch.report.ReportContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --report FILE.html} for train and evaluate: the self-contained HTML report. train hands the
 * path to its job, which commits the report with the model files; evaluate writes it atomically here.
 */
public final class HtmlReportOption {
    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write a self-contained HTML report (inline SVG and CSS, no script, printable): run facts,"
                    + " metrics and gates, confusion matrix, per-class metrics, the moderators' review budget, feature"
                    + " importance, the tree and, for train --cv, the spread across folds. Probabilities in it are class-weighted.")
    Path report;

    /** Whether a report was asked for. */
    public boolean requested() {
        return report != null;
    }

    public Path path() {
        return report;
    }

    /** Fails now, naming the file, when the report could not be written at the end (see {@link AtomicOutput#checkCreatable}). */
    public void checkCreatable() throws IOException {
        if (report != null) {
            AtomicOutput.checkCreatable(report);
        }
    }

    /** Renders and writes the report (temp file, then atomic move): evaluate's. */
    public void write(ReportContent content) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(report)) {
            out.stream().write(HtmlReport.render(content).getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }
}
