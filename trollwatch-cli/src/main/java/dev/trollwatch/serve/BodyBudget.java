package dev.trollwatch.serve;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the server holds at once, over all connections: taken as a body's
 * buffer grows with the bytes that actually arrived, given back when its request is answered.
 * Without it, 4,096 connections each sending {@code --max-body-bytes} would need 4 GiB of heap.
 */
final class BodyBudget {
    private final long capacity;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("body memory budget must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    long capacity() {
        return capacity;
    }

    /** Bytes held now. */
    long held() {
        return held.get();
    }

    /** Takes {@code bytes} if they fit; false (nothing taken) when they do not. */
    boolean take(long bytes) {
        while (true) {
            long now = held.get();
            if (bytes > capacity - now) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void give(long bytes) {
        held.addAndGet(-bytes);
    }
}
