package dev.trollwatch.io.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trollwatch.io.file.AtomicOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes a metrics document as pretty-printed JSON, atomically. */
public final class MetricsJsonWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private MetricsJsonWriter() {
    }

    /** The document as the bytes {@link #write} puts in a file. */
    public static byte[] toBytes(Map<String, Object> document) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        MAPPER.writeValue(out, document);
        out.write('\n');
        return out.toByteArray();
    }

    public static void write(Path file, Map<String, Object> document) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(file)) {
            MAPPER.writeValue(out.stream(), document);
            out.stream().write('\n');
            out.commit();
        }
    }
}
