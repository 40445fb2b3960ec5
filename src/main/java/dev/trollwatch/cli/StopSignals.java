package dev.trollwatch.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop, not as JVM shutdown: a shutdown hook cannot let the
 * command finish its work and exit 0 (the JVM would exit 143), so long-running commands handle the
 * signals themselves. A second signal exits at once with code 1.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void onTermOrInt(Runnable stop) {
        boolean[] asked = {false};
        sun.misc.SignalHandler handler = sig -> {
            synchronized (asked) {
                if (asked[0]) {
                    System.err.println("trollwatch: second " + sig.getName() + ", exiting without finishing the batch");
                    Runtime.getRuntime().halt(ExitCode.FAILURE);
                }
                asked[0] = true;
            }
            stop.run();
        };
        Signal.handle(new Signal("TERM"), handler);
        Signal.handle(new Signal("INT"), handler);
    }
}
