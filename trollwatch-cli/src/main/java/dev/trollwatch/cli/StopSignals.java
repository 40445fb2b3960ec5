package dev.trollwatch.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) as a request to stop, so that a long-running command ({@code serve},
 * {@code stream}) can finish cleanly and exit 0: with the JVM's own handlers a SIGTERM always ends
 * the process with status 143, whatever its shutdown hooks do. ({@code sun.misc.Signal} is in the
 * supported {@code jdk.unsupported} module.)
 */
final class StopSignals {
    private final CountDownLatch received = new CountDownLatch(1);
    private volatile String name;

    private StopSignals() {
    }

    /** Starts listening for TERM and INT; a signal the JVM does not let us handle is left as it was. */
    static StopSignals install() {
        StopSignals s = new StopSignals();
        handle(sig -> {
            s.name = "SIG" + sig.getName();
            s.received.countDown();
        });
        return s;
    }

    /** Blocks until one of the signals arrives; returns its name, e.g. {@code SIGTERM}. */
    String await() throws InterruptedException {
        received.await();
        return name;
    }

    /**
     * Runs {@code stop} on the first TERM or INT; a second one exits at once with code 1 (the user
     * insists: the work in hand is abandoned).
     */
    static void onTermOrInt(Runnable stop) {
        boolean[] asked = {false};
        handle(sig -> {
            synchronized (asked) {
                if (asked[0]) {
                    System.err.println("trollwatch: second " + sig.getName() + ", exiting without finishing the batch");
                    Runtime.getRuntime().halt(ExitCode.FAILURE);
                }
                asked[0] = true;
            }
            stop.run();
        });
    }

    private static void handle(sun.misc.SignalHandler handler) {
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(signal), handler);
            } catch (IllegalArgumentException notAvailable) {
                // e.g. the JVM runs with -Xrs, or the platform has no such signal: the JVM's default stays
            }
        }
    }
}
