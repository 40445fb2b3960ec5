package dev.trollwatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.spark.job.StageProgress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the launcher's heartbeat says of a running job, read from a job held mid-stage by its tasks. */
class StageProgressTest {
    /** Tasks run in this JVM (local mode): the first ones finish, the others wait here until the test has looked. */
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aRunningStageIsDescribedByItsTasksAndAnIdleContextByNothing() throws Exception {
        assertEquals("", StageProgress.describe(spark.sparkContext()), "no job, nothing to say");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        CompletableFuture<Long> job = CompletableFuture.supplyAsync(() -> jsc.parallelize(List.of(0, 1, 2, 3, 4, 5), 6)
                .map(i -> {
                    if (i >= 2 && !RELEASE.await(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                    return i;
                }).count());
        String seen = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // local[2]: tasks 0 and 1 finish at once, then two of the others run and wait
        while (!seen.matches("stage \\d+: 2 of 6 tasks done, 2 running") && System.nanoTime() < deadline) {
            seen = StageProgress.describe(spark.sparkContext());
            Thread.onSpinWait();
        }
        RELEASE.countDown();
        assertEquals(6L, job.get(120, TimeUnit.SECONDS));
        assertTrue(seen.matches("stage \\d+: 2 of 6 tasks done, 2 running"), seen);
    }
}
