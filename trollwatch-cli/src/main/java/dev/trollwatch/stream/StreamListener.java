package dev.trollwatch.stream;

import java.util.Collection;
import org.apache.kafka.common.TopicPartition;

/** What a running stream tells its caller; called on the stream's own thread, so keep it quick. */
public interface StreamListener {
    /** Does nothing. */
    StreamListener NONE = new StreamListener() { };

    /** The group gave this instance these partitions (after every rebalance). */
    default void assigned(Collection<TopicPartition> partitions) {
    }

    /** Periodic progress, at most once per {@link StreamSettings#progressInterval()}. */
    default void progress(StreamProgress progress) {
    }

    /** A message went to the dead-letter topic. */
    default void rejected(String topic, int partition, long offset, Rejection why) {
    }
}
