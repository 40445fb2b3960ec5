package dev.trollwatch.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.model.ScoringModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;

/** A {@link ScoringStream} running on its own thread, stopped (gracefully) by {@link #close()}. */
final class RunningStream implements AutoCloseable {
    private final ScoringStream stream;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Object changed = new Object();
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile StreamProgress progress = new StreamProgress(0, 0, 0, -1, 0);

    private RunningStream(StreamSettings settings, ScoringModel model) {
        this.stream = new ScoringStream(settings, model, new Featurizer(PatternSentiment.shared()),
                VerdictAnnotator.NONE, new StreamListener() {
                    @Override
                    public void assigned(Collection<TopicPartition> partitions) {
                        assignment = Set.copyOf(partitions);
                        signal();
                    }

                    @Override
                    public void progress(StreamProgress p) {
                        progress = p;
                        signal();
                    }
                });
        this.thread = new Thread(() -> {
            try {
                stream.run();
            } catch (Throwable t) {
                failure.set(t);
            }
            signal();
        }, "stream-" + settings.transactionalId());
    }

    static Path model() throws Exception {
        return Path.of(RunningStream.class.getResource("/modelio/v1/trollwatch.json").toURI());
    }

    static StreamSettings settings(KafkaBroker broker, String in, String out, String group, String transactionalId) {
        return new StreamSettings(broker.bootstrapServers(), in, out, StreamSettings.defaultDeadLetterTopic(in), group,
                transactionalId, Map.of(), Duration.ofMillis(100), Duration.ZERO);
    }

    static RunningStream start(StreamSettings settings) throws Exception {
        RunningStream s = new RunningStream(settings, ModelFiles.load(model()));
        s.thread.start();
        return s;
    }

    Set<TopicPartition> assignment() {
        return assignment;
    }

    StreamProgress progress() {
        return progress;
    }

    /** Waits (bounded) until this instance holds exactly {@code n} partitions; false on timeout or failure. */
    boolean awaitPartitions(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (assignment.size() != n && failure.get() == null && thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.wait(Math.max(1, left / 1_000_000));
            }
        }
        return assignment.size() == n;
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /** Stops the stream as SIGTERM would, waits for it, and rethrows what made it fail, if anything. */
    @Override
    public void close() throws Exception {
        stream.stop();
        thread.join(Duration.ofSeconds(60).toMillis());
        assertFalse(thread.isAlive(), "the stream stopped within 60 s of stop()");
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        }
    }
}
