package dev.trollwatch.serve;

/** Counts requests being handled (what the server holds now, for its tests and checks). */
final class InFlight {
    private int count;

    synchronized int count() {
        return count;
    }

    synchronized void enter() {
        count++;
    }

    synchronized void exit() {
        count--;
    }
}
