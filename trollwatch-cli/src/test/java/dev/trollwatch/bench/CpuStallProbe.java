package dev.trollwatch.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Says how steady the machine's CPU is, so a latency figure can be read against it (run by
 * {@code scripts/bench-serve} before the load phases). Every millisecond it runs the same fixed
 * piece of arithmetic — no allocation, no I/O, nothing the JVM could pause — and records how long
 * it took. On a steady machine every slot takes about the median; on a shared virtual machine
 * whose CPU is taken away now and then, whole stretches of slots run several times slower, and
 * any request served during them is late whatever the server does.
 *
 * <pre>usage: CpuStallProbe [SECONDS=10]</pre>
 */
public final class CpuStallProbe {
    /** A slot this many times slower than the median counts as stalled. */
    private static final double STALLED = 3.0;
    /** Iterations of the arithmetic per slot: about a quarter of a millisecond on a 2020s core. */
    private static final int WORK = 200_000;

    /** Keeps the arithmetic's result alive, so the JIT cannot drop the work. */
    private static volatile long sink;

    private CpuStallProbe() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long state = 1;
        for (int i = 0; i < 2_000; i++) { // let the JIT compile the loop before measuring
            state = work(state);
        }
        int slots = seconds * 1000;
        long[] began = new long[slots];
        long[] took = new long[slots];
        long start = System.nanoTime();
        for (int i = 0; i < slots; i++) {
            long due = start + i * 1_000_000L;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            began[i] = System.nanoTime();
            state = work(state);
            took[i] = System.nanoTime() - began[i];
        }
        sink = state;
        System.out.println(summarise(began, took));
    }

    private static long work(long x) {
        for (int k = 0; k < WORK; k++) {
            x = x * 6364136223846793005L + 1442695040888963407L; // a 64-bit LCG step: pure ALU work
        }
        return x;
    }

    /**
     * Median slot time, the share of stalled slots, how many stretches of consecutive stalled
     * slots there were and how long the longest lasted (first start to last end, in ms).
     */
    static String summarise(long[] began, long[] took) {
        long[] sorted = took.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        int stalled = 0;
        int stretches = 0;
        long stretchStart = -1;
        long longest = 0;
        long worst = 0;
        for (int i = 0; i < took.length; i++) {
            if (took[i] > STALLED * median) {
                stalled++;
                if (stretchStart < 0) {
                    stretches++;
                    stretchStart = began[i];
                }
                longest = Math.max(longest, began[i] + took[i] - stretchStart);
                worst = Math.max(worst, took[i]);
            } else {
                stretchStart = -1;
            }
        }
        return String.format(Locale.ROOT,
                "cpu_slots=%d median_slot_ms=%.3f stalled_slots_pct=%.2f stall_stretches=%d longest_stretch_ms=%.1f"
                        + " worst_slowdown=%.1fx",
                took.length, median / 1e6, 100.0 * stalled / took.length, stretches, longest / 1e6,
                median == 0 ? 0.0 : (double) worst / median);
    }
}
