package dev.trollwatch.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code scripts/bench-stream}: the scoring stream through a real local broker (KRaft, in this JVM,
 * sharing its cores with the stream), every message carrying 20 recent comments.
 * <ol>
 *   <li>throughput: MESSAGES messages produced up front, then the stream started; verdicts/s from the
 *       first verdict to the last one visible to a {@code read_committed} reader;</li>
 *   <li>latency at RATE messages/s: from each message's scheduled send time to its verdict reaching a
 *       {@code read_committed} reader (p50/p90/p99/max).</li>
 * </ol>
 * Usage: {@code StreamBenchmark [MESSAGES=20000] [PARTITIONS=4] [RATE=100] [RATE_MESSAGES=3000]}.
 */
public final class StreamBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofMinutes(10);

    private StreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int rateMessages = args.length > 3 ? Integer.parseInt(args[3]) : 3_000;
        List<byte[]> bodies = withTwentyRecent(2_000);
        System.out.printf(Locale.ROOT, "# %d distinct messages with 20 recent comments each, mean %,d bytes; %d partitions; %s%n",
                bodies.size(), bodies.stream().mapToInt(b -> b.length).sum() / bodies.size(), partitions,
                Runtime.getRuntime().availableProcessors() + " cores");
        try (KafkaBroker broker = KafkaBroker.start()) {
            throughput(broker, bodies, messages, partitions);
            latency(broker, bodies, rate, rateMessages, partitions);
        }
    }

    private static void throughput(KafkaBroker broker, List<byte[]> bodies, int messages, int partitions) throws Exception {
        broker.createTopics(partitions, "bench-in", "bench-out", "bench-in-rejected");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            byte[] body = bodies.get(i % bodies.size());
            records.add(new ProducerRecord<>("bench-in", key(body), body));
        }
        broker.produce(records);
        try (KafkaBroker.TopicReader reader = broker.reader("bench-out", true);
             RunningStream stream = RunningStream.start(RunningStream.settings(broker, "bench-in", "bench-out", "bench",
                     "bench-1"))) {
            reader.awaitAtLeast(1, WAIT);
            long first = System.nanoTime();
            int seen = reader.awaitAtLeast(messages, WAIT).size();
            double seconds = (System.nanoTime() - first) / 1e9;
            System.out.printf(Locale.ROOT, "## throughput: %,d verdicts in %.2f s after the first: %,.0f verdicts/s%n",
                    seen - 1, seconds, (seen - 1) / seconds);
        }
    }

    private static void latency(KafkaBroker broker, List<byte[]> bodies, int rate, int count, int partitions)
            throws Exception {
        broker.createTopics(partitions, "lat-in", "lat-out", "lat-in-rejected");
        Map<String, Long> scheduled = new ConcurrentHashMap<>();
        long[] latencies = new long[count];
        AtomicReference<Exception> readerFailure = new AtomicReference<>();
        try (RunningStream stream = RunningStream.start(RunningStream.settings(broker, "lat-in", "lat-out", "lat",
                "lat-1"));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(broker))) {
            if (!stream.awaitPartitions(partitions, WAIT)) {
                throw new IllegalStateException("the stream got no partitions");
            }
            Thread reader = new Thread(() -> {
                try {
                    readLatencies(broker, scheduled, latencies);
                } catch (Exception e) {
                    readerFailure.set(e);
                }
            }, "latency-reader");
            reader.start();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long at = start + i * interval;
                while (System.nanoTime() < at) {
                    Thread.onSpinWait();
                }
                byte[] body = bodies.get(i % bodies.size());
                producer.send(new ProducerRecord<>("lat-in", key(body), body), (md, e) -> {
                    if (e == null) {
                        scheduled.put(md.partition() + "@" + md.offset(), at);
                    }
                });
            }
            producer.flush();
            reader.join(WAIT.toMillis());
            if (readerFailure.get() != null) {
                throw readerFailure.get();
            }
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "## latency at %d msg/s, %,d messages (produce -> verdict visible to read_committed):"
                + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, count, ms(latencies, 0.50),
                ms(latencies, 0.90), ms(latencies, 0.99), latencies[count - 1] / 1e6);
    }

    private static void readLatencies(KafkaBroker broker, Map<String, Long> scheduled, long[] latencies)
            throws Exception {
        Map<String, Object> p = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = c.partitionsFor("lat-out").stream()
                    .map(i -> new TopicPartition("lat-out", i.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            int n = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (n < latencies.length && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    JsonNode s = JSON.readTree(r.value()).get("source");
                    Long at = null;
                    String id = s.get("partition").asInt() + "@" + s.get("offset").asLong();
                    while (at == null) { // the send callback may run just after the verdict arrives
                        at = scheduled.get(id);
                        Thread.onSpinWait();
                    }
                    latencies[n++] = now - at;
                }
            }
            if (n < latencies.length) {
                throw new IllegalStateException("only " + n + " verdicts of " + latencies.length + " arrived");
            }
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static Map<String, Object> producerConfig(KafkaBroker broker) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    /** Producer-shaped generated comments whose authors already have 20 recent comments. */
    private static List<byte[]> withTwentyRecent(int wanted) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (String j : ProducerShapedComments.generate(8_000, 7).json()) {
            JsonNode recent = JSON.readTree(j).get("recent_comments");
            int n = recent.isArray() ? recent.size() : JSON.readTree(recent.asText()).size();
            if (n == 20) {
                out.add(j.getBytes(StandardCharsets.UTF_8));
                if (out.size() == wanted) {
                    break;
                }
            }
        }
        return out;
    }

    private static byte[] key(byte[] body) throws Exception {
        return JSON.readTree(body).get("author").asText().getBytes(StandardCharsets.UTF_8);
    }
}
