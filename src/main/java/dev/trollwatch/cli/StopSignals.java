package dev.trollwatch.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT (Ctrl-C) so that a long-running command can stop cleanly and exit
 * 0. Handling the signals ourselves is what makes that possible: with the JVM's own handlers a
 * SIGTERM always ends the process with status 143, whatever its shutdown hooks do.
 * ({@code sun.misc.Signal} is in the supported {@code jdk.unsupported} module.)
 */
final class StopSignals {
    private final CountDownLatch received = new CountDownLatch(1);
    private volatile String name;

    private StopSignals() {
    }

    /** Starts listening for TERM and INT; a signal the JVM does not let us handle is left as it was. */
    static StopSignals install() {
        StopSignals s = new StopSignals();
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(signal), sig -> {
                    s.name = "SIG" + sig.getName();
                    s.received.countDown();
                });
            } catch (IllegalArgumentException notAvailable) {
                // e.g. the JVM runs with -Xrs, or the platform has no such signal: the JVM's default stays
            }
        }
        return s;
    }

    /** Blocks until one of the signals arrives; returns its name, e.g. {@code SIGTERM}. */
    String await() throws InterruptedException {
        received.await();
        return name;
    }
}
