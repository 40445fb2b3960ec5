package dev.trollwatch.io.table;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.explain.Explanation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code trollwatch predict}'s CSV (RFC 4180, UTF-8, LF line ends): header
 * {@code author,link_id,created_utc,predicted,p_bot,p_normal,p_troll}, optionally followed by the
 * 20 feature names, optionally by the explanation ({@code path} in words and the leaf's training
 * rows {@code leaf_rows_bot,leaf_rows_normal,leaf_rows_troll}), then one line per scored comment. Numbers are written as in features files
 * ({@link FeaturesCsvWriter#formatNumber}); a null text or created_utc is an empty field.
 */
public final class PredictionsCsvWriter implements PredictionWriter {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final CSVPrinter printer;
    private final boolean withFeatures;
    private final Function<double[], Explanation> explainer;
    private final List<String> record = new ArrayList<>(32);

    /**
     * Writes the header at once; the stream is closed by {@link #close()}.
     *
     * @param explainer explains a feature vector (the scoring model's own), or null for no explanation columns
     */
    public PredictionsCsvWriter(OutputStream out, boolean withFeatures, Function<double[], Explanation> explainer) throws IOException {
        this.printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT);
        this.withFeatures = withFeatures;
        this.explainer = explainer;
        printer.printRecord(header(withFeatures, explainer != null));
    }

    /** The header's columns without explanation columns. */
    public static List<String> header(boolean withFeatures) {
        return header(withFeatures, false);
    }

    /** The header's columns. */
    public static List<String> header(boolean withFeatures, boolean explained) {
        List<String> h = new ArrayList<>(List.of("author", "link_id", "created_utc", "predicted"));
        for (Label l : Label.values()) {
            h.add("p_" + l.text());
        }
        if (withFeatures) {
            h.addAll(FeatureSchema.NAMES);
        }
        if (explained) {
            h.add("path");
            for (Label l : Label.values()) {
                h.add("leaf_rows_" + l.text());
            }
        }
        return List.copyOf(h);
    }

    @Override
    public void write(FeatureRow row, Label predicted, double[] probabilities) throws IOException {
        record.clear();
        record.add(row.author());
        record.add(row.linkId());
        record.add(Double.isNaN(row.createdUtc()) ? null : FeaturesCsvWriter.formatNumber(row.createdUtc()));
        record.add(predicted.text());
        for (double p : probabilities) {
            record.add(FeaturesCsvWriter.formatNumber(p));
        }
        if (withFeatures) {
            for (double v : row.values()) {
                record.add(FeaturesCsvWriter.formatNumber(v));
            }
        }
        if (explainer != null) {
            Explanation e = explainer.apply(row.values());
            record.add(e.pathText());
            for (long r : e.support().rows()) {
                record.add(Long.toString(r));
            }
        }
        printer.printRecord(record);
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
