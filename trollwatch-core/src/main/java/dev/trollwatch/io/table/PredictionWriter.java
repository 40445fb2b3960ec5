package dev.trollwatch.io.table;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Label;
import java.io.IOException;

/** Where {@code predict} writes scored rows: the predictions CSV or JSON Lines. */
public interface PredictionWriter extends AutoCloseable {
    /** One scored comment: its key and features, the predicted class and the class probabilities in {@link Label} order. */
    void write(FeatureRow row, Label predicted, double[] probabilities) throws IOException;

    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
