package dev.trollwatch.stream;

/**
 * Where a running stream stands; counts cover committed batches only.
 *
 * @param verdicts        verdicts published since the start
 * @param rejected        messages sent to the dead-letter topic since the start
 * @param perSecond       messages (verdicts + rejects) per second since the previous report
 * @param lag             messages waiting in the assigned partitions, or -1 when not known yet
 * @param partitions      partitions assigned to this instance
 */
public record StreamProgress(long verdicts, long rejected, double perSecond, long lag, int partitions) {
}
