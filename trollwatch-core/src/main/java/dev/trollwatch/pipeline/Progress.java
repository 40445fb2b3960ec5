package dev.trollwatch.pipeline;

import java.util.function.DoubleSupplier;

/**
 * Where a job reports how many rows each of its tasks has done. The CLI turns it into progress
 * lines on stderr; callers that do not show progress pass {@link #NONE}.
 */
@FunctionalInterface
public interface Progress {
    /** Reports nothing. */
    Progress NONE = task -> Task.NONE;

    /** Starts a task such as {@code reading data.csv}; the job closes the task when it ends. */
    Task start(String task);

    /**
     * Starts a task that can tell how much of its input it has consumed: {@code fractionDone} gives
     * 0..1, or a negative number while that is unknown (stdin, a FIFO). Progress that can show a
     * percentage and an ETA overrides this; by default it is {@link #start(String)}.
     */
    default Task start(String task, DoubleSupplier fractionDone) {
        return start(task);
    }

    /** One task's row counter; {@link #advance} may be called from several threads. */
    interface Task extends AutoCloseable {
        /** Counts nothing. */
        Task NONE = new Task() {
            @Override
            public void advance(long rows) {
            }

            @Override
            public void close() {
            }
        };

        /** Records {@code rows} more rows done. */
        void advance(long rows);

        @Override
        void close();
    }
}
