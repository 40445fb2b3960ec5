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
        return read(file, n -> { });
    }

    /** As {@link #read(Path)}, telling {@code progress} about every row read (for progress reports). */
    public static List<FeatureRow> read(Path file, java.util.function.LongConsumer progress) throws IOException {
        if (!FeaturesCsvReader.isFeaturesCsv(file)) {
            throw new TrollwatchException(file + ": not a features CSV: its header lacks author, link_id, created_utc "
                    + "and the 20 feature columns (make one with 'trollwatch features')");
        }
        List<FeatureRow> rows = new java.util.ArrayList<>();
        FeaturesCsvReader.read(file, r -> {
            rows.add(r);
            progress.accept(1);
        });
        return rows;
    }
}
