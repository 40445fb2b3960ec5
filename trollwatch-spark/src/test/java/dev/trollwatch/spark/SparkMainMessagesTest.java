package dev.trollwatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** What the Spark jobs tell the user for failures that are not bugs (exit 1, not 4 with a stack trace). */
class SparkMainMessagesTest {
    @Test
    void aTaskOutOfMemoryIsTheUsersToFixWithMoreMemory() {
        // As the driver got it when the J48 sample of 3M rows was collected into 500 MB.
        SparkException byMessage = new SparkException("Job aborted due to stage failure: Task 166 in stage 46.0 failed"
                + " 1 times, most recent failure: Lost task 166.0 (TID 3393): java.lang.OutOfMemoryError: Java heap space");
        assertEquals(SparkMain.OUT_OF_MEMORY, SparkMain.userMessage(byMessage));
        SparkException byCause = new SparkException("Job aborted", new OutOfMemoryError("Java heap space"));
        assertEquals(SparkMain.OUT_OF_MEMORY, SparkMain.userMessage(byCause));
    }

    @Test
    void anyOtherSparkFailureStaysInternal() {
        assertNull(SparkMain.userMessage(new SparkException("Job aborted", new IllegalStateException("bug"))));
    }
}
