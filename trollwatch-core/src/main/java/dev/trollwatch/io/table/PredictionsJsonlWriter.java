package dev.trollwatch.io.table;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import dev.trollwatch.model.explain.Explanation;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Writes {@code trollwatch predict}'s JSON Lines: one object per scored comment, {@code author,
 * link_id, created_utc, predicted, probabilities} (class-weighted), optionally {@code features},
 * and, with an explainer, {@code explanation} as {@link ExplanationJson} writes it. UTF-8, LF.
 */
public final class PredictionsJsonlWriter implements PredictionWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final OutputStream out;
    private final boolean withFeatures;
    private final Function<double[], Explanation> explainer;

    /** @param explainer the scoring model's explainer, or null for no {@code explanation} */
    public PredictionsJsonlWriter(OutputStream out, boolean withFeatures, Function<double[], Explanation> explainer) {
        this.out = out;
        this.withFeatures = withFeatures;
        this.explainer = explainer;
    }

    @Override
    public void write(FeatureRow row, Label predicted, double[] probabilities) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("author", row.author());
        o.put("link_id", row.linkId());
        if (Double.isNaN(row.createdUtc())) {
            o.putNull("created_utc");
        } else {
            double t = row.createdUtc();
            if (t == Math.rint(t) && Math.abs(t) < 1e15) {
                o.put("created_utc", (long) t);
            } else {
                o.put("created_utc", t);
            }
        }
        o.put("predicted", predicted.text());
        ObjectNode p = o.putObject("probabilities");
        for (Label l : Label.values()) {
            p.put(l.text(), probabilities[l.ordinal()]);
        }
        if (withFeatures) {
            ObjectNode f = o.putObject("features");
            for (int i = 0; i < FeatureSchema.SIZE; i++) {
                double v = row.values()[i];
                if (Double.isFinite(v)) {
                    f.put(FeatureSchema.NAMES.get(i), v);
                } else {
                    f.putNull(FeatureSchema.NAMES.get(i));
                }
            }
        }
        if (explainer != null) {
            o.set("explanation", ExplanationJson.of(explainer.apply(row.values())));
        }
        MAPPER.writeValue(out, o);
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
