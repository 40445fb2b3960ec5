package dev.trollwatch.model;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test-only: writes feature rows in the features CSV layout (the real writer is the featurizer's). */
public final class FeaturesCsvFixture {
    private FeaturesCsvFixture() {
    }

    public static Path write(Path file, List<FeatureRow> rows) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("author,link_id,created_utc," + String.join(",", FeatureSchema.NAMES) + ",target\n");
            StringBuilder sb = new StringBuilder();
            for (FeatureRow r : rows) {
                sb.setLength(0);
                sb.append(r.author()).append(',').append(r.linkId()).append(',').append((long) r.createdUtc());
                for (double v : r.values()) {
                    sb.append(',');
                    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                        sb.append((long) v);
                    } else {
                        sb.append(v);
                    }
                }
                sb.append(',').append(r.label() == null ? "" : r.label().text()).append('\n');
                w.write(sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A synthetic features CSV of {@code n} rows. */
    public static Path synthetic(Path file, int n, long seed) {
        return write(file, SyntheticFeatures.generate(n, seed));
    }
}
