package dev.trollwatch.spark;

import dev.trollwatch.pipeline.StillWorkingLog;
import dev.trollwatch.spark.job.StageProgress;
import org.apache.spark.sql.SparkSession;

/** A line on stderr every 30 s while a job runs, with its active stages' tasks: a long job is not a hung one. */
final class JobHeartbeat {
    private JobHeartbeat() {
    }

    static StillWorkingLog start(SparkSession session, String job) {
        return new StillWorkingLog(job, StillWorkingLog.INTERVAL, () -> StageProgress.describe(session.sparkContext()),
                JobLog::line);
    }
}
