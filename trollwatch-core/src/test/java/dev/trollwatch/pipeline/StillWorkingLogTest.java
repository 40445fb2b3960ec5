package dev.trollwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StillWorkingLogTest {

    @Test
    void linesComeWhileTheStepRunsAndStopWithIt() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        try (StillWorkingLog log = new StillWorkingLog("training", Duration.ofMillis(10), s -> {
            lines.add(s);
            two.countDown();
        })) {
            assertTrue(two.await(30, TimeUnit.SECONDS), "two lines while the step runs");
        }
        assertTrue(lines.get(0).matches("training: still working, \\d+ s so far"), lines.get(0));
    }

    @Test
    void aShortStepWritesNothing() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (StillWorkingLog log = new StillWorkingLog("training", Duration.ofHours(1), lines::add)) {
            assertTrue(lines.isEmpty());
        }
        assertTrue(lines.isEmpty());
    }

    @Test
    void whatTheStepTellsOfItselfFollowsTheTime() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch one = new CountDownLatch(1);
        try (StillWorkingLog log = new StillWorkingLog("features", Duration.ofMillis(10), () -> "stage 3: 5 of 8 tasks done", s -> {
            lines.add(s);
            one.countDown();
        })) {
            assertTrue(one.await(30, TimeUnit.SECONDS), "a line while the step runs");
        }
        assertTrue(lines.get(0).matches("features: still working, \\d+ s so far; stage 3: 5 of 8 tasks done"), lines.get(0));
    }
}
