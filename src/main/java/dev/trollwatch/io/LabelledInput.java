package dev.trollwatch.io;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads labelled feature rows for training or evaluation from a features CSV (recognised by its header). */
public final class LabelledInput {
    private LabelledInput() {
    }

    public static List<FeatureRow> read(Path file) throws IOException {
        if (!FeaturesCsvReader.isFeaturesCsv(file)) {
            throw new TrollwatchException(file + ": not a features CSV: its header lacks author, link_id, created_utc "
                    + "and the 20 feature columns (make one with 'trollwatch features')");
        }
        return FeaturesCsvReader.readAll(file);
    }
}
