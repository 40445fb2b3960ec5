package dev.trollwatch.spark.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkStageInfo;

/**
 * Where a running job is, from Spark's status tracker: each active stage's finished and running
 * tasks ({@code stage 7: 5 of 8 tasks done, 2 running}). On a laptop the launcher shows no Spark UI
 * and no progress bar, so this is all a user sees of a long job.
 */
public final class StageProgress {
    private StageProgress() {
    }

    /** The active stages in id order, or "" when none is running. */
    public static String describe(SparkContext sc) {
        int[] ids = sc.statusTracker().getActiveStageIds();
        return Arrays.stream(ids).sorted().mapToObj(id -> {
            SparkStageInfo s = sc.statusTracker().getStageInfo(id).getOrElse(() -> null);
            if (s == null) {
                return null; // finished between the two calls
            }
            return String.format(Locale.ROOT, "stage %d: %,d of %,d tasks done, %d running", id,
                    s.numCompletedTasks(), s.numTasks(), s.numActiveTasks());
        }).filter(t -> t != null).collect(Collectors.joining("; "));
    }
}
