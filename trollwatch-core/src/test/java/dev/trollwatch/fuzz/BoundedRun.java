package dev.trollwatch.fuzz;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one fuzz input on a worker thread with a time bound, so a hang is counted rather than waited out. */
public final class BoundedRun implements AutoCloseable {
    private ExecutorService worker = Executors.newSingleThreadExecutor(daemon());

    /** The input's outcome: its exception, null when it returned, or a {@link TimeoutException} when it hung. */
    public Throwable run(Callable<?> input, long seconds) throws InterruptedException {
        Future<?> f = worker.submit(input);
        try {
            f.get(seconds, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow(); // the hung thread is abandoned; the next input gets a fresh one
            worker = Executors.newSingleThreadExecutor(daemon());
            return e;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz-input");
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
