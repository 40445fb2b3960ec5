package dev.trollwatch.spark.job;

import dev.trollwatch.TrollwatchException;
import java.util.Locale;

/**
 * Whether the driver can hold J48's sample: Spark collects it there as rows, the core turns it
 * into feature rows and Weka into instances, all alive at once. A sample far past the heap used
 * to end, after MLlib's whole training, in an executor OutOfMemoryError or a lost task result.
 */
final class J48SampleMemory {
    /**
     * A floor on the driver heap per sampled row (collected row ≈ 750 B, feature row ≈ 250 B, Weka
     * instance ≈ 200 B): the check refuses only what cannot fit, not what might.
     */
    static final long BYTES_PER_ROW = 1024;

    private J48SampleMemory() {
    }

    /** @throws TrollwatchException when {@code rows} cannot fit in {@code driverHeapBytes} */
    static void requireRoom(long rows, long driverHeapBytes) {
        if (rows > driverHeapBytes / BYTES_PER_ROW) {
            throw new TrollwatchException(String.format(Locale.ROOT,
                    "J48's sample of %,d rows needs more than %,d MB in the driver, which has %,d MB: lower"
                    + " --j48-max-rows, or give the driver more memory (spark-submit --driver-memory;"
                    + " scripts/trollwatch-spark: JAVA_OPTS=-Xmx8g)",
                    rows, rows * BYTES_PER_ROW >> 20, driverHeapBytes >> 20));
        }
    }
}
