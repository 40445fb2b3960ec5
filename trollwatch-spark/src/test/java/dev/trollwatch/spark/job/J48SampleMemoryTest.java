package dev.trollwatch.spark.job;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trollwatch.TrollwatchException;
import org.junit.jupiter.api.Test;

class J48SampleMemoryTest {
    private static final long MB = 1 << 20;

    @Test
    void theDefaultSampleFitsTheSmallestDriverSparkStarts() {
        // Spark refuses to start under 450 MB; --j48-max-rows defaults to 200,000.
        assertDoesNotThrow(() -> J48SampleMemory.requireRoom(200_000, 450 * MB));
    }

    @Test
    void aSampleBeyondTheHeapIsRefusedWithWhatToChange() {
        // The case that died: 2.1M training rows sampled whole (--j48-max-rows 100000000) in 500 MB.
        TrollwatchException e = assertThrows(TrollwatchException.class,
                () -> J48SampleMemory.requireRoom(2_098_164, 500 * MB));
        assertEquals("J48's sample of 2,098,164 rows needs more than 2,048 MB in the driver, which has 500 MB:"
                + " lower --j48-max-rows, or give the driver more memory (spark-submit --driver-memory;"
                + " scripts/trollwatch-spark: JAVA_OPTS=-Xmx8g)", e.getMessage());
    }

    @Test
    void theBoundIsOneKilobytePerRow() {
        assertDoesNotThrow(() -> J48SampleMemory.requireRoom(500 * 1024, 500 * MB));
        assertThrows(TrollwatchException.class, () -> J48SampleMemory.requireRoom(500 * 1024 + 1, 500 * MB));
    }
}
