package dev.trollwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuStallProbeTest {
    private static final long MS = 1_000_000L;

    @Test
    void countsStretchesOfSlowSlotsAndTheirLength() {
        // Slots normally take 0.25 ms, 1 ms apart. Slots 3 and 4 take 3.5 ms each (slot 4 starts
        // late, at 6.5 ms): one stretch of 7 ms. Slot 8 takes 1 ms: a second stretch.
        long[] began = {0, 1 * MS, 2 * MS, 3 * MS, 6_500_000L, 10 * MS, 11 * MS, 12 * MS, 13 * MS, 15 * MS};
        long[] took = {250_000L, 250_000L, 250_000L, 3_500_000L, 3_500_000L, 250_000L, 250_000L, 250_000L, 1 * MS,
            250_000L};
        assertEquals("cpu_slots=10 median_slot_ms=0.250 stalled_slots_pct=30.00 stall_stretches=2"
                + " longest_stretch_ms=7.0 worst_slowdown=14.0x", CpuStallProbe.summarise(began, took));
    }
}
