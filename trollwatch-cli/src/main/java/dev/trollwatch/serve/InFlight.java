package dev.trollwatch.serve;

/** Counts requests being handled, so that shutdown can wait until none is left. */
final class InFlight {
    private int count;

    synchronized int count() {
        return count;
    }

    synchronized void enter() {
        count++;
    }

    synchronized void exit() {
        if (--count == 0) {
            notifyAll();
        }
    }

    /** Waits until no request is in flight or {@code timeoutMillis} passed; true when idle. */
    synchronized boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long left;
        while (count > 0 && (left = deadline - System.currentTimeMillis()) > 0) {
            wait(left);
        }
        return count == 0;
    }
}
