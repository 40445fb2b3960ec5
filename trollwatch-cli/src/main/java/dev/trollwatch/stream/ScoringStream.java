package dev.trollwatch.stream;

import dev.trollwatch.features.Featurizer;
import dev.trollwatch.model.ScoringModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring stream: consume a batch of comments, publish one verdict (or one dead-letter record)
 * per message, and commit the batch's offsets in the same producer transaction
 * ({@code sendOffsetsToTransaction}). A crash before the commit aborts the transaction: its
 * verdicts never become visible to {@code read_committed} readers and the batch is read again, so
 * every comment gets exactly one visible verdict. Runs on the calling thread until {@link #stop()};
 * then the batch in hand is finished and committed.
 */
public final class ScoringStream {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringStream.class);
    /** A batch whose transaction fails this often in a row stops the stream (Kafka itself is failing). */
    private static final int MAX_FAILED_COMMITS = 5;
    private static final int LOGGED_REJECTS = 10;

    private final StreamSettings settings;
    private final Verdicts verdicts;
    private final StreamListener listener;

    private volatile boolean stopping;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    /** Set while the producer registers its transactional id, the one wait a consumer wakeup cannot end. */
    private volatile KafkaProducer<byte[], byte[]> registering;
    private long verdictCount;
    private long rejectCount;
    private long lastReportNanos;
    private long lastReportMessages;
    private int failedCommitsInARow;

    public ScoringStream(StreamSettings settings, ScoringModel model, Featurizer featurizer,
            VerdictAnnotator annotator, StreamListener listener) {
        this.settings = settings;
        this.verdicts = new Verdicts(model, featurizer, annotator);
        this.listener = listener;
    }

    /** Consumes, scores and publishes until {@link #stop()}; throws {@link StreamException} when it cannot go on. */
    public void run() {
        LOG.info("stream: {} -> {} (rejects to {}), group {}, transactional id {}", settings.inTopic(),
                settings.outTopic(), settings.deadLetterTopic(), settings.group(), settings.transactionalId());
        if (!settings.clientConfig().isEmpty()) {
            LOG.info("stream: client settings: {}", KafkaClientConfig.redacted(settings.clientConfig()));
        }
        KafkaProducer<byte[], byte[]> made;
        KafkaConsumer<byte[], byte[]> madeConsumer;
        try {
            made = new KafkaProducer<>(producerConfig());
        } catch (KafkaException e) {
            throw unusableSettings(e);
        }
        try {
            madeConsumer = new KafkaConsumer<>(consumerConfig());
        } catch (KafkaException e) {
            made.close(Duration.ZERO);
            throw unusableSettings(e);
        }
        try (KafkaProducer<byte[], byte[]> producer = made;
             KafkaConsumer<byte[], byte[]> c = madeConsumer) {
            consumer = c;
            try {
                if (!initTransactions(producer)) {
                    LOG.info("stream: stopped before Kafka answered");
                    return;
                }
                c.subscribe(List.of(settings.inTopic()), new Rebalances());
                lastReportNanos = System.nanoTime();
                while (!stopping) {
                    ConsumerRecords<byte[], byte[]> records;
                    try {
                        records = c.poll(settings.pollTimeout());
                    } catch (WakeupException e) {
                        break; // stop() woke the poll
                    }
                    if (!records.isEmpty()) {
                        publish(records, producer, c);
                    }
                    reportIfDue(c);
                }
                report(c);
                LOG.info("stream: stopped after {} verdicts, {} rejected", verdictCount, rejectCount);
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                producer.close(Duration.ZERO); // fenced: nothing of ours can commit any more
                throw new StreamException("another instance took over transactional id '" + settings.transactionalId()
                        + "' (give every running instance its own --transactional-id): " + e.getMessage(), e);
            } catch (AuthenticationException | AuthorizationException e) {
                throw new StreamException("Kafka refused access: " + e.getMessage()
                        + " (check the security settings in --kafka-config and the ACLs)", e);
            } catch (StreamException e) {
                throw e;
            } catch (KafkaException e) {
                throw new StreamException("Kafka error: " + e.getMessage(), e);
            }
        } finally {
            consumer = null;
        }
    }

    /**
     * A client Kafka would not build (a bad value in --kafka-config, a bootstrap host no resolver
     * knows): a setting to fix, not a bug (it was exit 4). The message is Kafka's deepest one, with
     * any secret setting's value hidden should Kafka quote it.
     */
    private static boolean quotesAPieceOf(String message, String secret) {
        for (String piece : secret.split("[\\s;=\"']+")) {
            if (piece.length() >= 3 && message.contains(piece)) {
                return true;
            }
        }
        return false;
    }

    private StreamException unusableSettings(KafkaException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        for (Map.Entry<String, String> s : settings.clientConfig().entrySet()) {
            if (KafkaClientConfig.isSecret(s.getKey()) && quotesAPieceOf(message, s.getValue())) {
                // Kafka quotes the part it could not parse ("Invalid login module control flag 'pw'")
                message = "a malformed " + s.getKey() + " (Kafka's words are not shown: they quote its secret value)";
            }
        }
        return new StreamException("Kafka would not start a client with these settings: " + message, e);
    }

    /**
     * Registers the transactional id; the first call that needs a broker, so it names what to check
     * when none answers. False when {@link #stop()} ended the wait (SIGTERM was ignored for the
     * minute Kafka takes to give up on a broker that is not there).
     */
    private boolean initTransactions(KafkaProducer<byte[], byte[]> producer) {
        registering = producer;
        try {
            if (stopping) {
                return false;
            }
            producer.initTransactions();
            return true;
        } catch (KafkaException e) {
            if (stopping) {
                return false; // stop() closed the producer under us
            }
            if (!(e instanceof TimeoutException)) {
                throw e;
            }
            throw new StreamException("Kafka did not answer at " + settings.bootstrapServers()
                    + " (is a broker running there, and can it host transactions: transaction.state.log."
                    + "replication.factor no more than its brokers?): " + e.getMessage(), e);
        } finally {
            registering = null;
        }
    }

    /**
     * Asks the stream to stop: the batch in hand is finished and committed, then {@link #run()}
     * returns. Safe from any thread (a signal handler), idempotent.
     */
    public void stop() {
        stopping = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        KafkaProducer<byte[], byte[]> p = registering;
        if (p != null) {
            p.close(Duration.ZERO); // nothing was produced yet: ends initTransactions' wait at once
        }
    }

    /** One batch, one transaction: verdicts, dead letters and the consumed offsets, all or nothing. */
    private void publish(ConsumerRecords<byte[], byte[]> records, KafkaProducer<byte[], byte[]> producer,
            KafkaConsumer<byte[], byte[]> c) {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        // Scoring is CPU work on every core; sending stays in input order (per-partition order).
        List<Outcome> out = batch.parallelStream().map(this::outcome).toList();
        List<Integer> rejects = new ArrayList<>();
        producer.beginTransaction();
        try {
            for (int i = 0; i < out.size(); i++) {
                producer.send(out.get(i).record());
                if (out.get(i).rejection() != null) {
                    rejects.add(i);
                }
            }
            producer.sendOffsetsToTransaction(nextOffsets(records), c.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                 | AuthenticationException | AuthorizationException | UnsupportedVersionException e) {
            throw e; // fatal for this producer: run() explains and stops
        } catch (KafkaException e) {
            abortAndRewind(records, producer, c, e);
            return;
        }
        failedCommitsInARow = 0;
        long rejectsBefore = rejectCount;
        verdictCount += batch.size() - rejects.size();
        rejectCount += rejects.size();
        for (int i : rejects) {
            ConsumerRecord<byte[], byte[]> r = batch.get(i);
            Rejection why = out.get(i).rejection();
            if (rejectsBefore++ < LOGGED_REJECTS) {
                LOG.warn("stream: rejected {}-{}@{}: {}{}", r.topic(), r.partition(), r.offset(), why.reason(),
                        rejectsBefore == LOGGED_REJECTS ? " (further rejects are only counted)" : "");
            }
            listener.rejected(r.topic(), r.partition(), r.offset(), why);
        }
    }

    /** What one message becomes: a verdict, or a dead-letter record and the reason. */
    private record Outcome(ProducerRecord<byte[], byte[]> record, Rejection rejection) {
    }

    private Outcome outcome(ConsumerRecord<byte[], byte[]> r) {
        CommentMessages.Decoded d = decode(r);
        Rejection rejection = d.rejection();
        if (rejection == null) {
            try {
                byte[] verdict = verdicts.verdict(d.comment(), r.topic(), r.partition(), r.offset());
                byte[] key = r.key() != null || d.comment().author() == null ? r.key()
                        : d.comment().author().getBytes(StandardCharsets.UTF_8);
                return new Outcome(new ProducerRecord<>(settings.outTopic(), key, verdict), null);
            } catch (RuntimeException e) { // a comment the featurizer cannot handle must not stall the partition
                LOG.debug("scoring failed", e);
                rejection = new Rejection(null, "could not score: " + e);
            }
        }
        return new Outcome(DeadLetters.record(settings.deadLetterTopic(), r, rejection), rejection);
    }

    /** The message's comment or rejection; a bug in decoding must not stall the partition either (it did: a long number). */
    private static CommentMessages.Decoded decode(ConsumerRecord<byte[], byte[]> r) {
        try {
            return CommentMessages.decode(r.value());
        } catch (RuntimeException e) {
            LOG.error("stream: decoding {}-{}@{} failed (a bug, please report it)", r.topic(), r.partition(), r.offset(), e);
            return CommentMessages.Decoded.rejected(null, "could not decode: " + e);
        }
    }

    private void abortAndRewind(ConsumerRecords<byte[], byte[]> records, KafkaProducer<byte[], byte[]> producer,
            KafkaConsumer<byte[], byte[]> c, KafkaException cause) {
        if (++failedCommitsInARow >= MAX_FAILED_COMMITS) {
            throw new StreamException("could not commit a batch " + MAX_FAILED_COMMITS + " times in a row: "
                    + cause.getMessage(), cause);
        }
        LOG.warn("stream: batch aborted, will be read again: {}", cause.toString());
        producer.abortTransaction();
        Set<TopicPartition> assigned = c.assignment();
        for (TopicPartition tp : records.partitions()) {
            if (assigned.contains(tp)) { // partitions moved to another instance are re-read there
                c.seek(tp, records.records(tp).get(0).offset());
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> rs = records.records(tp);
            out.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return out;
    }

    private void reportIfDue(KafkaConsumer<byte[], byte[]> c) {
        if (System.nanoTime() - lastReportNanos >= settings.progressInterval().toNanos()) {
            report(c);
        }
    }

    private void report(KafkaConsumer<byte[], byte[]> c) {
        long now = System.nanoTime();
        long messages = verdictCount + rejectCount;
        double seconds = (now - lastReportNanos) / 1e9;
        double rate = seconds > 0 ? (messages - lastReportMessages) / seconds : 0;
        lastReportNanos = now;
        lastReportMessages = messages;
        Set<TopicPartition> assigned = c.assignment();
        long lag = assigned.isEmpty() ? -1 : 0;
        for (TopicPartition tp : assigned) {
            var l = c.currentLag(tp);
            if (l.isEmpty()) {
                lag = -1;
                break;
            }
            lag += l.getAsLong();
        }
        listener.progress(new StreamProgress(verdictCount, rejectCount, rate, lag, assigned.size()));
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> p = new HashMap<>(KafkaClientConfig.forConsumer(settings.clientConfig()));
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, settings.transactionalId() + "-consumer");
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return p;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> p = new HashMap<>(KafkaClientConfig.forProducer(settings.clientConfig()));
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, settings.transactionalId() + "-producer");
        // The first send of a transaction is refused (CONCURRENT_TRANSACTIONS) until the previous
        // commit's markers are written, a few ms; at the default 100 ms backoff (doubling to 1 s)
        // that wait, not scoring, would bound every batch.
        p.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
        p.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 100);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    /** Batches are committed before every poll, so a rebalance never finds work in flight. */
    private final class Rebalances implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            LOG.debug("stream: revoked {}", partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            KafkaConsumer<byte[], byte[]> c = consumer;
            Set<TopicPartition> all = c == null ? Set.copyOf(partitions) : c.assignment();
            LOG.info("stream: assigned {} partition(s): {}", all.size(), all);
            listener.assigned(all);
        }
    }
}
